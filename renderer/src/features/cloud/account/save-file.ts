/**
 * Hands text to the user as a file download. The desktop app has no download folder set, so
 * Electron shows its save dialog and the user picks where the file goes; in the browser
 * version the browser's own download handling applies. Nothing here touches the disk: main
 * never writes a path the renderer names.
 */
export function saveTextFile(fileName: string, content: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked on the next turn: the download has taken its copy by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
