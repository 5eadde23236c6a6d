"""Staff views of the strategy: the chairs' dashboard, measured values, status updates,
closing a period and its report. Included by portal/urls.py under "hallinta/strategia/"."""
