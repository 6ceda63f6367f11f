//! Loads what the PDFs of a session need in one go: the session, its agenda, participants with the
//! Kreis of their organisation, the minutes, the previous session's minutes and the open action
//! items. The documents themselves are built in `pdf::documents`, the papers added by `usecase::pdf`;
//! nothing here decides layout.

use chrono::NaiveDate;

use super::agenda::agenda_of;
use super::participants::participants_of;
use super::sessions::load_session;
use crate::minutes::{ActionItemFilter, ActionStatus};
use crate::pdf::documents::{PdfParticipant, PreviousMinutes, SessionPdfData};
use crate::{Result, store::Store};

impl Store {
    /// The facts of session `id` for its Sitzungsmappe, Anwesenheitsliste and Protokoll, without
    /// the concept papers (`usecase::pdf::session_pdf_data` adds them). `today` decides which open
    /// action items are overdue.
    pub async fn session_pdf_without_papers(&self, id: i64, today: NaiveDate) -> Result<SessionPdfData> {
        let mut conn = self.pool.acquire().await?;
        let session = load_session(&mut conn, id).await?;
        let agenda = agenda_of(&mut conn, id).await?;
        let people = participants_of(&mut conn, id).await?;
        // The Kreis of each participant's organisation (today's; the snapshot has no Kreis).
        let districts: Vec<(i64, Option<String>)> = sqlx::query_as(
            "SELECT p.id, d.name FROM session_participants p
             LEFT JOIN contacts c ON c.id = p.contact_id
             LEFT JOIN organisations o ON o.id = c.organisation_id
             LEFT JOIN districts d ON d.ags = o.district_ags
             WHERE p.session_id = ?1",
        )
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
        let participants = people
            .into_iter()
            .map(|p| PdfParticipant {
                district: districts
                    .iter()
                    .find(|(pid, _)| *pid == p.id)
                    .and_then(|(_, d)| d.clone()),
                name: p.name,
                function: p.function,
                organisation: p.organisation,
                status: p.status,
            })
            .collect();
        // The previous session's minutes: the latest earlier session, not cancelled, whose minutes
        // are approved (issue 12: a draft is not handed out; its heading names the date, so an
        // older approved protocol is recognisable as such).
        let previous_id: Option<i64> = sqlx::query_scalar(
            "SELECT s.id FROM sessions s JOIN minutes m ON m.session_id = s.id
             WHERE s.status != 'abgesagt' AND m.status = 'freigegeben'
               AND (s.date, s.start_time, s.id) < (?1, ?2, ?3)
             ORDER BY s.date DESC, s.start_time DESC, s.id DESC LIMIT 1",
        )
        .bind(&session.date)
        .bind(&session.start_time)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
        drop(conn);
        let minutes = self.get_minutes(id).await?;
        let previous = match previous_id {
            Some(previous) => Some(PreviousMinutes {
                session: self.get_session(previous).await?,
                agenda: self.list_agenda(previous).await?,
                minutes: self.get_minutes(previous).await?,
            }),
            None => None,
        };
        let filter = ActionItemFilter {
            status: Some(ActionStatus::Offen),
            ..ActionItemFilter::default()
        };
        let open_action_items = self.list_action_items(&filter, today).await?;
        Ok(SessionPdfData {
            session,
            agenda,
            participants,
            minutes,
            previous,
            open_action_items,
            papers: Vec::new(),
        })
    }
}
