// SalaryData: reads the published figures into SalaryCore types.
