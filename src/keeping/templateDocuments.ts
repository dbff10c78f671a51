import { emptySchema, type ErdDocument } from '../model/index.ts';
import { parseProjectFile } from '../io/projectFile.ts';
import type { Template } from '../io/templates.ts';

/** The template files, each fetched when first chosen (the first start needs one). */
const files = import.meta.glob<string>('../../examples/*.erd.json', { query: '?raw', import: 'default' });

/** A template's document: blank, or its file under examples/ parsed like any project file. */
export async function loadTemplateDocument(template: Template): Promise<ErdDocument> {
  if (!template.fileName) return { schema: emptySchema, layout: {} };
  const load = files[`../../examples/${template.fileName}`];
  if (!load) throw new Error(`The template file examples/${template.fileName} is missing from the build.`);
  const loaded = parseProjectFile(await load());
  if (!loaded.ok) throw new Error(`The template file examples/${template.fileName} is broken: ${loaded.error}`);
  return loaded.document;
}
