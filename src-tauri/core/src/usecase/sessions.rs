//! Use cases of sessions (see `usecase/mod.rs` for the layer's shape).
