#!/usr/bin/env python3
"""Where the bytes of a release binary go (make bench; issue 18: goal ≤ 15 MB).

Measured, not estimated: the sections come from the file's own headers (objdump -h; ELF for
Linux, PE for the Windows exe), and each embedded asset counts only if its exact bytes are found
in the binary: the PDF fonts (include_bytes! in core/src/pdf/fonts.rs), the UI as tauri-codegen
embeds it (brotli-compressed copies in the app's OUT_DIR), the German hyphenation trie of
`hypher`, the Gemeinden table. What is left of the read-only data is "other constants".

Usage: size-breakdown.py <binary> <cargo profile dir, e.g. target/release>
"""

import glob
import os
import subprocess
import sys

MB = 1048576


def sections(path):
    """Section name -> size in bytes, from objdump -h (works for ELF and PE)."""
    out = subprocess.run(["objdump", "-h", path], capture_output=True, text=True, check=True).stdout
    result = {}
    for line in out.splitlines():
        parts = line.split()
        # "  0 .text  0012abcd  0000...  ..." – index, name, size (hex), …
        if len(parts) >= 3 and parts[0].isdigit():
            result[parts[1]] = int(parts[2], 16)
    return result


def read(path):
    with open(path, "rb") as f:
        return f.read()


def main():
    binary, profile_dir = sys.argv[1], sys.argv[2]
    data = read(binary)
    total = len(data)
    secs = sections(binary)

    def embedded(paths):
        """(bytes in the binary, raw count) of the files whose exact bytes the binary contains."""
        found = [p for p in paths if os.path.getsize(p) >= 64 and data.find(read(p)) >= 0]
        return sum(os.path.getsize(p) for p in found), found

    fonts_bytes, fonts = embedded(sorted(glob.glob("src-tauri/core/fonts/*.ttf")))
    outs = [p for p in glob.glob(os.path.join(profile_dir, "build", "netzwerkmappe-*", "out",
                                              "tauri-codegen-assets", "*"))
            if os.path.isfile(p)]
    ui_bytes, ui_found = embedded(outs)
    ui_raw = sum(os.path.getsize(p) for p in glob.glob("ui/**/*", recursive=True) if os.path.isfile(p))
    cargo_home = os.environ.get("CARGO_HOME", os.path.expanduser("~/.cargo"))
    hyph_bytes, _ = embedded(glob.glob(os.path.join(cargo_home, "registry/src/*/hypher-*/tries/de.bin"))[:1])
    gem_bytes, _ = embedded(glob.glob("src-tauri/core/data/gemeinden-bw.tsv"))

    code = secs.get(".text", 0)
    rodata = secs.get(".rodata", 0) + secs.get(".rdata", 0)
    unwind = sum(secs.get(s, 0) for s in (".eh_frame", ".eh_frame_hdr", ".gcc_except_table", ".pdata", ".xdata"))
    relro = sum(secs.get(s, 0) for s in (".data.rel.ro", ".rela.dyn", ".reloc", ".got", ".init_array"))
    rest = total - code - rodata - unwind - relro
    embedded_sum = fonts_bytes + ui_bytes + hyph_bytes + gem_bytes

    def row(label, n, note=""):
        print(f"  {label:<52} {n / MB:6.2f} MB{('  ' + note) if note else ''}")

    print(f"Wohin die Bytes gehen ({os.path.basename(binary)}, {total / MB:.1f} MB):")
    row("Maschinencode (.text)", code)
    row("Konstanten (.rodata/.rdata), darin:", rodata)
    row("  PDF-Schriften (Fira Sans, ganze TTF-Dateien)", fonts_bytes, f"{len(fonts)} Dateien")
    row("  Oberfläche ui/ (brotli, wie Tauri sie einbettet)", ui_bytes,
        f"{len(ui_found)} Dateien, unkomprimiert {ui_raw / MB:.2f} MB")
    row("  Silbentrennmuster Deutsch (hypher)", hyph_bytes)
    row("  Gemeindeverzeichnis (gemeinden-bw.tsv)", gem_bytes)
    row("  übrige Konstanten (Tabellen, Texte der Bibliotheken)", rodata - embedded_sum)
    row("Abwicklungs-/Ausnahmetabellen (.eh_frame, .pdata …)", unwind)
    row("Relokationen und Zeigertabellen", relro)
    row("Kopf, Symbole für den Lader, Sonstiges", rest)


if __name__ == "__main__":
    main()
