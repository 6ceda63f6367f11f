//! Checks and clean-ups of single input fields that several kinds of records share (a contact and
//! an organisation both have phone numbers and optional text fields). Kept apart from the records
//! so `contact.rs` and `organisation.rs` do not import each other.

use crate::{Error, Result};

/// Trimmed, `None` when empty.
pub(crate) fn clean(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

/// A phone number as people write it: digits, spaces and + - / ( ) . with at least 3 digits;
/// "+" only at the start. `tel:` prefixes from vCards are accepted.
pub fn check_phone(field: &str, number: &str) -> Result<()> {
    let n = number.strip_prefix("tel:").unwrap_or(number);
    let digits = n.chars().filter(char::is_ascii_digit).count();
    let allowed = n.chars().all(|c| c.is_ascii_digit() || " +-/().".contains(c));
    let plus_ok = n.rfind('+').is_none_or(|i| i == 0);
    if digits >= 3 && allowed && plus_ok {
        Ok(())
    } else {
        Err(Error::validation(
            field,
            format!(
                "„{number}“ ist keine gültige Telefonnummer (erlaubt: Ziffern, Leerzeichen und + - / ( ))."
            ),
        ))
    }
}
