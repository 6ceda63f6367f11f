// Runs before the modules (a classic script at the end of <body>). The window's first frame — the
// app's header, navigation and "wird geladen" — is painted before any module runs; then main.js
// is imported (index.html has already fetched and parsed every module with modulepreload) and
// renders the first screen with its data. Under `--startzeit-messen` the Rust side prints the time
// of both (stage "shell" here, "data" in main.js); otherwise `ui_ready` does nothing.
requestAnimationFrame(() => requestAnimationFrame(() => {
  const tauri = window.__TAURI__;
  const phases = `erstes Bild ${Math.round(performance.now())}`;
  if (tauri) tauri.core.invoke('ui_ready', { stage: 'shell', phases }).catch(() => {});
  import('./main.js').catch((error) => {
    const view = document.getElementById('ansicht');
    if (view) view.textContent = `Netzwerkmappe konnte nicht starten (${error && error.message}). Bitte neu starten.`;
  });
}));
