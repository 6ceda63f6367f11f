//! Use cases of import (see `usecase/mod.rs` for the layer's shape).
