//! Use cases of export (see `usecase/mod.rs` for the layer's shape).
