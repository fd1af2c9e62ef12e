"""Exception types of the library; the CLI turns each into one line and exit code 1."""


class AntragsradarError(Exception):
    """Base class of every error the library raises on purpose."""


class InputError(AntragsradarError):
    """An input path, format or record cannot be read."""


class ModelError(AntragsradarError):
    """A model directory is missing, incompatible or corrupt."""


class StoreError(AntragsradarError):
    """The SQLite store cannot be opened or has an unexpected schema."""


class FetchError(AntragsradarError):
    """An OParl endpoint cannot be reached or does not speak OParl."""
