"""Veilleur: French conflict news to evidenced event records."""
