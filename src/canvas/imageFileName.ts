import { fileNameFor } from '../io/storedDocument.ts';
import type { ImageRequest } from '../layout/imageFrame.ts';

/** The image's file name: the document's name (made safe as for project files), the scope, the theme. */
export function imageFileName(documentName: string, request: Pick<ImageRequest, 'format' | 'theme' | 'scope'>): string {
  const base = fileNameFor(documentName).replace(/\.erd\.json$/, '');
  return `${base}${request.scope === 'selection' ? '.selection' : ''}.${request.theme}.${request.format}`;
}
