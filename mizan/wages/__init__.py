"""Time-keeping, the pay calculator, savings planner and evidence of hours and pay."""
