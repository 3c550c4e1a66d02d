"""Vertrouwenswijzer's self-assessments: definitions, scoring engine and command line.

The engine (model, definitions, scoring, documents) uses only the standard library so the
same code runs in CPython at build time and in Pyodide in the reader's browser.
"""

from .definitions import DefinitionError, Problem, parse_assessment
from .documents import definition_document, result_document
from .model import Assessment, Band, Dimension, Item, Option, Scale
from .scoring import AnswerError, Result, score

__all__ = [
    "AnswerError",
    "Assessment",
    "Band",
    "DefinitionError",
    "Dimension",
    "Item",
    "Option",
    "Problem",
    "Result",
    "Scale",
    "definition_document",
    "parse_assessment",
    "result_document",
    "score",
]
