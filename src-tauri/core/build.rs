//! Rebuild the core when a migration is added: `sqlx::migrate!` embeds the folder at compile time.
//! And pack the PDF fonts: the four Fira Sans TTFs (1.8 MB) go into the binary brotli-compressed,
//! `pdf/fonts.rs` unpacks them once per process. Lossless: every glyph stays. Brotli because its
//! decoder is linked anyway (printpdf's font stack reads WOFF2 with it; Tauri its UI files).

use std::io::Write;
use std::path::PathBuf;

/// The fonts in `fonts/`, packed to `$OUT_DIR/<name>.ttf.br`.
const FONTS: [&str; 4] = [
    "FiraSans-Regular",
    "FiraSans-Italic",
    "FiraSans-SemiBold",
    "FiraSans-SemiBoldItalic",
];

fn main() {
    println!("cargo:rerun-if-changed=migrations");
    println!("cargo:rerun-if-changed=fonts");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR for build scripts"));
    for name in FONTS {
        let raw = std::fs::read(format!("fonts/{name}.ttf"))
            .unwrap_or_else(|e| panic!("fonts/{name}.ttf fehlt ({e}); `make vendor` legt sie an"));
        let mut packed = Vec::new();
        {
            // Quality 9 and a 16 MB window (the whole font in one): 0.72 MB for all four, within
            // 10 % of quality 11 at a twentieth of its time (this script runs unoptimised).
            let mut packer = brotli::CompressorWriter::new(&mut packed, 4096, 9, 24);
            packer
                .write_all(&raw)
                .expect("compressing into memory cannot fail");
        }
        std::fs::write(out.join(format!("{name}.ttf.br")), packed).expect("OUT_DIR is writable");
    }
}
