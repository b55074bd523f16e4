"""The API's own endpoints. Each module holds one ninja Router; mizan.api.router mounts them."""
