"""The Beam stages of eventwire and the plain-Python logic they wrap."""
