//! Use cases of minutes (see `usecase/mod.rs` for the layer's shape).
