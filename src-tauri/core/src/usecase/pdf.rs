//! Use cases of pdf (see `usecase/mod.rs` for the layer's shape).
