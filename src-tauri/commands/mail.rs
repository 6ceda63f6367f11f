//! "E-Mail schreiben": core builds the outcome (BCC draft, people without an address, or the
//! question how to split a long list); this command only hands a `mailto:` link to the system's
//! mail program. `batch` asks for one message of a split list.

use netzwerkmappe_core::contact::ContactFilter;
use netzwerkmappe_core::mail::MailOutcome;
use netzwerkmappe_core::usecase::mail::prepare_mail;
use tauri::State;

use super::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub async fn write_email(
    state: State<'_, AppState>,
    filter: ContactFilter,
    batch: Option<usize>,
) -> CommandResult<MailOutcome> {
    let mut outcome = prepare_mail(&state.store().await?, &filter, batch).await?;
    if let Some(url) = outcome.link() {
        // No mail program (or none registered for mailto:) is not an error: the UI then offers
        // the addresses for copying.
        outcome.opened = open::that_detached(url).is_ok();
    }
    Ok(outcome)
}
