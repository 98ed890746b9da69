"""Everyday words for the conduct each penalty article describes (question word -> the text's words).

Users say "firewall", "bought", "leaked"; the text says "equipment product", "procurement", "leakage".
"""

from __future__ import annotations

CONDUCT_SYNONYMS: dict[str, str] = {
    "cii": "critical information infrastructure operator",
    "rectify": "correct", "fix": "correct", "remedy": "correct", "comply": "correct",
    "firewall": "equipment product", "router": "equipment product", "switch": "equipment product",
    "kit": "equipment product", "device": "equipment product", "hardware": "equipment product",
    "gear": "equipment product", "resell": "sell", "resold": "sell", "sold": "sell", "selling": "sell",
    "gave": "provide", "give": "provide", "supply": "provide", "distribute": "provide",
    "uncertified": "certification", "untested": "testing", "unreviewed": "review", "reviewed": "review",
    "bought": "use procurement", "buy": "use procurement", "purchase": "use procurement",
    "deploy": "use", "deployed": "use", "install": "use", "procured": "procurement",
    "takedown": "removal prohibited", "remove": "removal", "delete": "removal", "banned": "prohibited",
    "illegal content": "prohibited information", "content": "information", "posts": "information",
    "spreading": "transmission", "spread": "transmission", "abroad": "overseas", "offshore": "overseas",
    "leak": "leakage data", "leaked": "leakage data", "breach": "leakage", "hacked": "protection",
    "duties": "obligation", "duty": "obligation", "security gaps": "protection obligation",
    "security failings": "protection obligation", "neglect": "fails perform", "neglects": "fails perform",
    "sms": "electronic information sending", "app store": "application software downloading",
    "mistake": "minor illegal act", "first offence": "first time", "damage": "harmful consequences",
    "harm": "harmful consequences", "limit": "mitigate", "reduce": "lighter mitigated", "discretion": "benchmark",
}
