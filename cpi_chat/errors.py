"""The few exception classes cpi-chat raises; each message is one sentence for a person."""


class CpiChatError(Exception):
    """A problem the user can understand and act on; its message is shown as is."""


class FlowError(CpiChatError):
    """A flow file could not be loaded or is not valid."""


class AssetImportError(CpiChatError):
    """An asset file could not be imported."""


class RecordsError(CpiChatError):
    """People's records could not be read or written."""


class Refused(CpiChatError):
    """An action was declined by a rule (a second 'went' in one week); the message says why, kindly."""
