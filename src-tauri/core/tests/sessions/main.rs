//! Sessions on the real store: plan, invite, meet, minute, approve, follow up; the approval lock,
//! numbering, kept names of participants, and the search over the new kinds. One test binary with
//! a module per theme; the set-up they share (a store, people, a session with TOPs) is
//! `fixtures.rs`.
#![allow(clippy::unwrap_used)]

mod fixtures;

mod agenda;
mod list;
mod minutes;
mod participants;
mod search;

use netzwerkmappe_core::agenda::{AgendaItemInput, AgendaMove};
use netzwerkmappe_core::contact::ContactInput;
use netzwerkmappe_core::minutes::{
    ActionItemFilter, ActionItemInput, ActionStatus, AddendumInput, DecisionInput, MinutesInput,
    MinutesStatus,
};
use netzwerkmappe_core::organisation::OrganisationInput;
use netzwerkmappe_core::participant::{ParticipantSet, ParticipantStatus};
use netzwerkmappe_core::search::SearchKind;
use netzwerkmappe_core::session::{SessionFilter, SessionInput, SessionStatus};
use netzwerkmappe_core::usecase;
use netzwerkmappe_core::{ErrorCode, store::Store};

use fixtures::*;
