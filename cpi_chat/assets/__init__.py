"""The community asset directory: model, store, search index, CSV and Open Referral UK import/export."""
