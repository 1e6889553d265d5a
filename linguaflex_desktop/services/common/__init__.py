"""What every feature's services share: context, unit of work helpers, authorization, audit,
validation, DTOs of people and pages, pricing, the job outbox.
"""
