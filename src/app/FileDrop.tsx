import { useEffect, useState } from 'react';
import { isImportable } from '../io/importDocument.ts';
import { useEditorStore } from '../store/index.ts';
import { workKeeper } from '../keeping/keepingWork.ts';
import { describeStorageError, fileErrorNotice } from '../keeping/workNotices.ts';
import { hasFiles } from '../keeping/projectFiles.ts';
import { useEditorTasks } from '../panels/editorTasks.ts';

/**
 * Files dropped anywhere on the editor (the canvas above all) open as new documents: project files
 * as they are, .sql and .dbml through the importer; an overlay says so while dragging.
 */
export function FileDrop() {
  const [isOver, setOver] = useState(false);
  const runImport = useEditorTasks().importText;
  useEffect(() => {
    const open = async (files: File[]) => {
      for (const file of files) {
        try {
          const text = await file.text();
          await (isImportable(file.name) ? runImport(file.name, text) : workKeeper().importFile(file.name, text));
        } catch (error) {
          useEditorStore.getState().showNotice(fileErrorNotice(file.name, `it could not be read (${describeStorageError(error)})`));
        }
      }
    };
    let depth = 0;
    const handleEnter = (event: DragEvent) => {
      if (!hasFiles(event.dataTransfer)) return;
      depth += 1;
      setOver(true);
    };
    const handleOver = (event: DragEvent) => {
      if (!hasFiles(event.dataTransfer)) return;
      event.preventDefault();
      event.dataTransfer!.dropEffect = 'copy';
    };
    const handleLeave = (event: DragEvent) => {
      if (!hasFiles(event.dataTransfer)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const handleDrop = (event: DragEvent) => {
      if (!hasFiles(event.dataTransfer)) return;
      event.preventDefault();
      depth = 0;
      setOver(false);
      void open(Array.from(event.dataTransfer!.files));
    };
    window.addEventListener('dragenter', handleEnter);
    window.addEventListener('dragover', handleOver);
    window.addEventListener('dragleave', handleLeave);
    window.addEventListener('drop', handleDrop);
    return () => {
      window.removeEventListener('dragenter', handleEnter);
      window.removeEventListener('dragover', handleOver);
      window.removeEventListener('dragleave', handleLeave);
      window.removeEventListener('drop', handleDrop);
    };
  }, [runImport]);
  if (!isOver) return null;
  return (
    <div className="file-drop" aria-hidden="true">
      <p>Drop a .erd.json, .sql or .dbml file to open it as a new document</p>
    </div>
  );
}
