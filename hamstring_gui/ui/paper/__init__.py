"""Paper documents: the routine handout and the progress report (PDF or printer)."""
