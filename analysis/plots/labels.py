"""Labels on figures: wrapped, never cut."""

LABEL_WIDTH = 10  # characters per line of a wrapped label


def wrap_label(label: str, width: int = LABEL_WIDTH) -> str:
    """The whole label on lines of `width` characters: wrapped, never cut."""
    label = str(label)
    return "\n".join(label[i : i + width] for i in range(0, len(label), width)) or label
