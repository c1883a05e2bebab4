"""YAML bundles: how one laptop's changes travel to another (docs/bundle-format.md)."""
