// Runs before the modules (a classic script at the end of <body>): once the window's first frame
// with the app's header, navigation and "wird geladen" is painted, it tells the Rust side. Only the
// start-time benchmark (`--startzeit-messen`) listens; otherwise `ui_ready` does nothing. The
// screen's data follows when main.js has rendered it (stage "data").
requestAnimationFrame(() => requestAnimationFrame(() => {
  const tauri = window.__TAURI__;
  if (tauri) tauri.core.invoke('ui_ready', { stage: 'shell', phases: null }).catch(() => {});
}));
