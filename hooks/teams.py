"""The team pages: the team report (Teamrapport) and the leader mirror (Spiegel).

A page shows one with the marker <!-- teamrapport --> or <!-- spiegel --> on a line of its own.
"""
