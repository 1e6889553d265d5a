"""Settings kept by the app: settings.json and the keyring."""
