//! PLACEHOLDER: the number reader ("at least fifty-seven" → bounds), not built yet.
