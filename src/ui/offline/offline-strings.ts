// Every learner-facing sentence about offline use, updates and course
// downloads, in one place (a translation adds another catalog of this shape).

function mb(bytes: number): string {
  return `${(bytes / 1e6).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} MB`;
}

export const offlineStrings = {
  updateReady: 'A new version is ready',
  reload: 'Reload',
  later: 'Later',
  notCached: "This lesson's data has not been saved for offline use yet — connect once, or use Make available offline",
  retry: 'Retry',
  makeOffline: 'Make the course available offline',
  makeOfflineHelp: 'Downloads every lesson’s data and the editor, so the whole course works without a connection.',
  cancel: 'Cancel',
  downloading: (doneBytes: number, totalBytes: number, doneFiles: number, totalFiles: number) =>
    `${mb(doneBytes)} of ${mb(totalBytes)} · ${doneFiles} of ${totalFiles} files`,
  downloadLabel: 'Downloading the course for offline use',
  cancelled: (doneFiles: number, totalFiles: number) =>
    `Stopped: ${doneFiles} of ${totalFiles} files are saved. Press the button again to go on from there.`,
  failed: (message: string) => `The download stopped: ${message}. Press the button again to go on from there.`,
  ready: (courseBytes: number, usedBytes: number | null, quotaBytes: number | null) =>
    `The whole course is available offline (${mb(courseBytes)}).` +
    (usedBytes !== null && quotaBytes !== null ? ` This site uses ${mb(usedBytes)} of the ${mb(quotaBytes)} the browser allows it.` : ''),
  unavailable: 'Offline use needs a browser with service workers and a site served over https (or localhost).',
  mb,
};
