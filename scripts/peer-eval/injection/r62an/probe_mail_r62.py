#!/usr/bin/env python3
"""Round 62: two own e-mail probes (written for this round, no corpus text) to show why dropping stamps can
RAISE a window's score: the window logit is bias + sum(weights)/sqrt(n features), so removing many
near-zero stamp tokens concentrates the remaining words' weight. Writes /tmp/r62/probe_mail.jsonl;
then run explain-base and explain-cand (`scripts/peer-eval/injection/explain`, -top 8 -min 0) on it."""
import json
m1 = """From: Bob Smith <bob@example.org>
To: dev@lists.example.org
Date: Mon, 12 Feb 2010 11:45:00 +0000
Subject: Re: [dev] build failure on arm

On Sun, Feb 11, 2010 at 9:12 PM, Alice Jones <alice@example.org> wrote:
> I see the same failure with your patch applied. Could you send me the log?
> Thanks, Alice

Sure, I will send you the log tomorrow. My build used the default flags.
Please let me know if you need anything else from my machine.

Bob
"""
m2 = """Received: by 10.1.2.3 with SMTP id x; Tue, 13 Jul 2010 08:01:22 -0700 (PDT)
Received: from mail.example.org by mx.example.org; Tue, 13 Jul 2010 08:01:20 -0700
Date: Tue, 13 Jul 2010 08:01:19 -0700
From: "Support" <support@example.org>
Subject: Your account

Dear customer, your account password will expire. Please reply to this email with your user name.
"""
with open("/tmp/r62/probe_mail.jsonl", "w") as f:
    for t in (m1, m2):
        f.write(json.dumps({"text": t, "label": 0, "category": "probe"}) + "\n")
