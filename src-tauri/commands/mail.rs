//! "E-Mail schreiben": opens the user's mail program with the listed people in BCC, or hands the
//! addresses back for copying when the link would be too long for Windows mail programs.

use netzwerkmappe_core::contact::ContactFilter;
use netzwerkmappe_core::mail::{MailDraft, bcc_draft};
use serde::Serialize;
use tauri::State;

use super::CommandResult;
use crate::state::AppState;

#[derive(Debug, Serialize)]
pub struct MailOutcome {
    pub draft: MailDraft,
    /// The mail program was asked to open the link.
    pub opened: bool,
    /// Contacts in the list without an e-mail address.
    pub without_email: usize,
}

#[tauri::command]
pub async fn write_email(state: State<'_, AppState>, filter: ContactFilter) -> CommandResult<MailOutcome> {
    let rows = state.store()?.list_contacts(&filter).await?;
    let without_email = rows.iter().filter(|r| r.email.is_none()).count();
    let draft = bcc_draft(rows.iter().filter_map(|r| r.email.as_deref()));
    let opened = match &draft {
        // No mail program (or none registered for mailto:) is not an error: the UI then offers
        // the addresses for copying.
        MailDraft::Link { url, .. } => open::that_detached(url).is_ok(),
        _ => false,
    };
    Ok(MailOutcome {
        draft,
        opened,
        without_email,
    })
}
