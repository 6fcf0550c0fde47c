"""국민신청실명제 online: apply, receipt, review, decision, notifications, public list.

- ``services``: the writes (submit, transition), each one transaction;
- ``notices``: the e-mails, recorded as ``Notification`` rows and sent after commit;
- ``forms``, ``views``, ``urls``: the public pages (``/apply/``, ``/apply/status/``,
  ``/applications/``); the admin queue is ``projects.admin.applications``.
"""
