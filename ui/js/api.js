// The only place that talks to the Rust side. Every failure becomes {code, message} with a German
// message; views show `message` and may branch on `code`, never on the text.

const FALLBACK = {
  code: 'Internal',
  message: 'Es ist ein unerwarteter Fehler aufgetreten. Bitte starten Sie Netzwerkmappe neu.',
};

export async function call(command, args = {}) {
  const tauri = window.__TAURI__;
  if (!tauri || !tauri.core) {
    throw { code: 'Internal', message: 'Die Verbindung zum Programmkern fehlt. Bitte starten Sie Netzwerkmappe neu.' };
  }
  try {
    return await tauri.core.invoke(command, args);
  } catch (err) {
    if (err && typeof err === 'object' && typeof err.code === 'string' && typeof err.message === 'string') {
      throw err;
    }
    // Tauri itself rejects with a plain string (e.g. a command the capabilities do not grant).
    console.warn('Unerwartete Antwort von', command, err);
    throw FALLBACK;
  }
}
