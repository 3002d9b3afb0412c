"""askwef."""
