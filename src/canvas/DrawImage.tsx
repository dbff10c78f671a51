import { useCallback } from 'react';
import type { ImageRequest } from '../layout/imageFrame.ts';
import type { TableId } from '../model/index.ts';
import { useEditorStore } from '../store/index.ts';
import { ImageExportStage, type StagedDrawing } from './ImageExportStage.tsx';

/** What the export dialog hands the drawing: what to draw, and whom to tell when the file is saved or could not be made. */
export interface DrawImageProps {
  request: ImageRequest;
  /** The tables to draw (with the relationships between them), or null for all of them. */
  tableIds: readonly TableId[] | null;
  onDone(): void;
  onFail(reason: unknown): void;
}

/** Draws the diagram off screen and saves it as the image asked for; the export dialog renders it while it says "Exporting…". */
export function DrawImage({ request, tableIds, onDone, onFail }: DrawImageProps) {
  const handleReady = useCallback(
    (drawing: StagedDrawing) =>
      // The capture library is loaded with the first export, not with the editor.
      void import('./saveImage.ts')
        .then(({ saveImage }) => saveImage(drawing, request, useEditorStore.getState().documentName))
        .then(onDone)
        .catch(onFail),
    [request, onDone, onFail],
  );
  return <ImageExportStage theme={request.theme} tableIds={tableIds} withNotes={request.withNotes} onReady={handleReady} onFail={onFail} />;
}
