"""The open-data API: the public record as OParl 1.1, bulk exports and the nightly dump."""
