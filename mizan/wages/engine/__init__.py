"""Pure engine: no Django import (checked by import-linter)."""
