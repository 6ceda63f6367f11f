//! Use cases of agenda (see `usecase/mod.rs` for the layer's shape).
