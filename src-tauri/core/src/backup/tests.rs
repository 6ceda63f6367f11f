//! Unit tests of the backup rules and folder (no database).

use super::folder::{set_aside_stamp, stamp_label};
use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn rotation_keeps_seven_days_then_four_weeks() {
    // Sixty consecutive days ending on Friday 27.11.2026.
    let end = d("2026-11-27");
    let days: Vec<NaiveDate> = (0..60).map(|i| end - chrono::Days::new(i)).collect();
    let keep = backups_to_keep(&days);
    let expected: BTreeSet<NaiveDate> = [
        // the newest seven days
        "2026-11-27",
        "2026-11-26",
        "2026-11-25",
        "2026-11-24",
        "2026-11-23",
        "2026-11-22",
        "2026-11-21",
        // then the newest of each older week: Fri 20.11. (week 47), Sun 15.11. (46), 8.11., 1.11.
        "2026-11-20",
        "2026-11-15",
        "2026-11-08",
        "2026-11-01",
    ]
    .into_iter()
    .map(d)
    .collect();
    assert_eq!(keep, expected);
}

#[test]
fn rotation_keeps_everything_while_there_is_little() {
    let days = [d("2026-11-01"), d("2026-10-01"), d("2026-11-27")];
    assert_eq!(backups_to_keep(&days).len(), 3);
    assert!(backups_to_keep(&[]).is_empty());
    // Gaps (the PC was off) do not shorten the daily part: seven backups are seven backups.
    let sparse: Vec<NaiveDate> = (0..12)
        .map(|i| d("2026-11-27") - chrono::Days::new(i * 7))
        .collect();
    let keep = backups_to_keep(&sparse);
    assert!(sparse[..7].iter().all(|day| keep.contains(day)));
    assert_eq!(keep.len(), 7 + 4, "{keep:?}");
    // The same day twice counts once.
    assert_eq!(backups_to_keep(&[d("2026-11-27"), d("2026-11-27")]).len(), 1);
}

#[test]
fn names_carry_the_day() {
    let name = backup_file_name(d("2026-11-27"));
    assert_eq!(name, "Netzwerkmappe_Sicherung_2026-11-27.sqlite");
    assert_eq!(backup_day(&name), Some(d("2026-11-27")));
    assert_eq!(backup_day("Netzwerkmappe_Sicherung_kaputt.sqlite"), None);
    assert_eq!(backup_day("anderes.sqlite"), None);
    assert_eq!(
        set_aside_stamp(
            "vor-Wiederherstellung-2026-11-27_093512.sqlite3",
            BEFORE_RESTORE_PREFIX
        ),
        Some("2026-11-27_093512".to_owned())
    );
    assert_eq!(stamp_label("2026-11-27_093512"), "27.11.2026, 09:35 Uhr");
}

#[test]
fn what_came_back_in_german() {
    assert_eq!(facts_summary(1, 1), "1 Kontakt, 1 Sitzung");
    assert_eq!(facts_summary(3431, 0), "3.431 Kontakte, 0 Sitzungen");
}

#[test]
fn sizes_in_german() {
    assert_eq!(size_label(1), "1 KB");
    assert_eq!(size_label(340 * 1024), "340 KB");
    assert_eq!(size_label(1_258_291), "1,2 MB");
}

#[test]
fn network_file_systems_are_found_by_mount_point() {
    let mounts = "/dev/vda / ext4 rw 0 0\n\
                  //server/share /mnt/amt cifs rw 0 0\n\
                  server:/export /home/nfs\\040daten nfs4 rw 0 0\n\
                  tmpfs /mnt/amt/tmp tmpfs rw 0 0\n";
    assert_eq!(
        fs_type_of(mounts, Path::new("/mnt/amt/Netzwerkmappe")).as_deref(),
        Some("cifs")
    );
    assert_eq!(
        fs_type_of(mounts, Path::new("/home/nfs daten/x")).as_deref(),
        Some("nfs4")
    );
    assert_eq!(
        fs_type_of(mounts, Path::new("/mnt/amt/tmp/x")).as_deref(),
        Some("tmpfs")
    );
    assert_eq!(
        fs_type_of(mounts, Path::new("/home/anna")).as_deref(),
        Some("ext4")
    );
    assert!(is_network_fs("cifs") && is_network_fs("nfs4"));
    assert!(!is_network_fs("ext4") && !is_network_fs("tmpfs"));
    assert!(network_drive_warning("cifs").contains("Netzlaufwerk"));
}
