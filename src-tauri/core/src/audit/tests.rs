//! Unit tests of the Änderungsprotokoll rules (summaries, filters, who).

use super::*;

#[test]
fn codes_and_labels_round_trip_and_match_serde() {
    for a in AuditAction::ALL {
        assert_eq!(AuditAction::from_code(a.code()), Some(a));
        assert_eq!(
            serde_json::to_value(a).ok(),
            Some(serde_json::Value::String(a.code().into()))
        );
        assert!(!a.label().is_empty());
    }
    for r in AuditRecord::ALL {
        assert_eq!(AuditRecord::from_code(r.code()), Some(r));
        assert_eq!(
            serde_json::to_value(r).ok(),
            Some(serde_json::Value::String(r.code().into()))
        );
    }
    assert_eq!(AuditAction::from_code("unbekannt"), None);
}

#[test]
fn the_setting_wins_then_user_then_username() {
    let env = |vars: &'static [(&'static str, &'static str)]| {
        move |key: &str| vars.iter().find(|(k, _)| *k == key).map(|(_, v)| (*v).to_owned())
    };
    assert_eq!(who(Some(" Frau Kaya "), env(&[("USER", "kaya")])), "Frau Kaya");
    assert_eq!(who(Some("  "), env(&[("USER", "kaya")])), "kaya");
    assert_eq!(who(None, env(&[("USERNAME", "LRA\\kaya")])), "LRA\\kaya");
    assert_eq!(who(None, env(&[("USER", " "), ("USERNAME", "win")])), "win");
    assert_eq!(who(None, env(&[])), "unbekannt");
}

#[test]
fn text_filter_folds_and_escapes_like_wildcards() {
    let f = AuditFilter {
        text: Some("Müller 100%_ok".into()),
        ..AuditFilter::default()
    };
    assert_eq!(f.like_patterns(), vec!["%muller%", "%100\\%\\_ok%"]);
    assert!(AuditFilter::default().like_patterns().is_empty());
    assert_eq!(
        folded_text("Kaya", "Kontakt „Jürgen Groß“"),
        "kaya kontakt „jurgen gross“"
    );
}

#[test]
fn page_size_is_capped() {
    let with = |limit| AuditFilter {
        limit,
        ..AuditFilter::default()
    };
    assert_eq!(with(None).page_size(), DEFAULT_PAGE);
    assert_eq!(with(Some(0)).page_size(), 1);
    assert_eq!(with(Some(50_000)).page_size(), MAX_PAGE);
}
