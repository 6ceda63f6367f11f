//! Use cases of demo (see `usecase/mod.rs` for the layer's shape).
