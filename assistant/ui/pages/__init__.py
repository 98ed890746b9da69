"""The app's views as small page scripts (each calls one function of `chat` or `views`)."""
