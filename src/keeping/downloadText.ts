/** Saves text (or a blob, such as a PNG) as a file through the browser's download, without a server. */
export function downloadText(fileName: string, text: string | Blob, type = 'application/sql'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
