"""Every sentence the doors say (the Telegram bot and the organisers' console), in Chinese and English."""

from __future__ import annotations

from typing import Any

T: dict[str, tuple[str, str]] = {
    "welcome": (
        "您好！我是赤子助手 🇨🇳\n我可以：\n• 回答关于“海外赤子为国服务行动计划”（赤子计划）的问题，并注明出处；\n"
        "• 帮您查找各地引才活动并报名（/events）；\n• 管理您的报名（/myevents）和订阅（/subscribe）。\n\n"
        "直接输入问题即可，例如：赤子计划是什么？\n/help 查看全部命令，/lang 切换语言。",
        "Hello! I am Chizi, the assistant of the Overseas Scholars Serve-the-Country Action Plan (赤子计划).\n"
        "I can:\n• answer questions about the plan, with sources;\n• find regional talent events and register you (/events);\n"
        "• manage your registrations (/myevents) and subscriptions (/subscribe).\n\n"
        "Just type a question, e.g. “What is the Chizi Plan?”\n/help lists all commands, /lang switches language.",
    ),
    "help": (
        "命令：\n/events 浏览活动\n/myevents 我的报名\n/subscribe 订阅新活动通知\n/timezone 设置时区\n/lang 切换语言\n/privacy 隐私说明\n"
        "/forgetme 删除我的全部数据\n/cancel 放弃当前操作\n\n也可以直接用中文或英文提问。",
        "Commands:\n/events browse events\n/myevents your registrations\n/subscribe hear of new events\n"
        "/timezone see times on your clock\n"
        "/lang switch language\n/privacy what we keep\n/forgetme delete all your data\n/cancel stop the current step\n\n"
        "Or simply ask a question in Chinese or English.",
    ),
    "admin_help": (
        "组织者命令：/stats 统计，/export [活动ID] 导出报名，/broadcast 群发，/unanswered 未回答的问题，/reload 重新加载资料",
        "Organiser commands: /stats, /export [event_id], /broadcast, /unanswered, /reload",
    ),
    "btn_events": ("📅 活动", "📅 Events"),
    "btn_my": ("🎟 我的报名", "🎟 My events"),
    "btn_sub": ("🔔 订阅", "🔔 Subscribe"),
    "btn_privacy": ("🔒 隐私", "🔒 Privacy"),
    "btn_tz": ("🕒 时区", "🕒 Time zone"),
    "tz_hint": (
        "🕒 发送 /timezone 设置您的时区，即可同时看到您当地的时间。",
        "🕒 Send /timezone to see times on your own clock too.",
    ),
    "your_time": ("🕒 您的时间：{when}（{zone}）", "🕒 Your time: {when} ({zone})"),
    "yours_inline": ("（您的时间 {when}）", " (your time: {when})"),
    "join_link": ("🔗 线上参加：{url}", "🔗 Join online: {url}"),
    "join_link_later": (
        "🔗 线上参加链接将在活动前发给您。",
        "🔗 The join link will be sent to you before the event.",
    ),
    "join_link_on_registration": ("🔗 报名后可获得线上参加链接。", "🔗 Registrants receive the join link."),
    "tz_pick": (
        "请选择您所在的时区，或发送 /timezone 加城市名或时差，例如 /timezone 波士顿、/timezone UTC-5。",
        "Choose your time zone, or send /timezone with a city or UTC offset, e.g. /timezone Boston or /timezone UTC-5.",
    ),
    "tz_current": ("您当前的时区：{zone}（现在 {now}）", "Your time zone: {zone} (now {now})"),
    "btn_tz_other": ("✍️ 其他城市或时差", "✍️ Another city or offset"),
    "tz_ask": (
        "请输入您所在的城市或与 UTC 的时差（例如：波士顿、Berlin、UTC-5、+5:30）。/cancel 放弃。",
        "Type your city or UTC offset (e.g. Boston, 柏林, UTC-5, +5:30). /cancel to stop.",
    ),
    "tz_unknown": (
        "没有认出这个时区。请输入城市名（如 Boston、柏林）、IANA 名称（如 Europe/Berlin）或时差（如 UTC-5）：",
        "I do not recognise that time zone. Type a city (Boston, Berlin), an IANA name (Europe/Berlin) or an "
        "offset (UTC-5):",
    ),
    "tz_set": (
        "✅ 时区已设为 {zone}，您那里现在是 {now}。活动时间和报名截止时间将同时显示您当地的时间。",
        "✅ Time zone set to {zone}; it is {now} there now. Event times and deadlines will also be shown on "
        "your clock.",
    ),
    "btn_lang": ("🌐 English", "🌐 中文"),
    "lang_set": ("已切换为中文。", "Language set to English."),
    "lang_pick": ("请选择语言 / Choose a language:", "Choose a language / 请选择语言:"),
    "events_menu": ("浏览即将举行的活动：", "Browse upcoming events:"),
    "by_region": ("按地区", "By region"),
    "by_month": ("按月份", "By month"),
    "by_field": ("按领域", "By field"),
    "all_events": ("全部活动", "All events"),
    "pick_region": ("选择地区：", "Choose a region:"),
    "pick_month": ("选择月份：", "Choose a month:"),
    "pick_field": ("选择领域：", "Choose a field:"),
    "no_events": ("没有符合条件的即将举行的活动。", "No upcoming events match."),
    "events_page": ("活动（第 {page}/{pages} 页）：", "Events (page {page}/{pages}):"),
    "prev": ("« 上一页", "« Previous"),
    "next": ("下一页 »", "Next »"),
    "back": ("« 返回", "« Back"),
    "sample_note": (
        "注：当前为示例活动目录，以主办方正式公布为准。",
        "Note: this is a sample catalogue; organisers' announcements prevail.",
    ),
    "card": (
        "{title}\n\n{when}\n{where}\n🔬 领域：{fields}\n🧭 形式：{format}\n"
        "🎟 剩余名额：{left}/{capacity}{waiting}\n⏳ 报名截止：{deadline}\n\n{description}\n\n✉️ 联系：{contact}",
        "{title}\n\n{when}\n{where}\n🔬 Fields: {fields}\n🧭 Format: {format}\n"
        "🎟 Seats left: {left}/{capacity}{waiting}\n⏳ Registration closes: {deadline}\n\n{description}\n\n✉️ Contact: {contact}",
    ),
    "waiting": ("（候补 {n} 人）", " ({n} waiting)"),
    "format_in_person": ("线下", "in person"),
    "format_online": ("线上", "online"),
    "format_hybrid": ("线上线下结合", "hybrid"),
    "btn_register": ("✅ 报名", "✅ Register"),
    "btn_waitlist": ("⏳ 加入候补", "⏳ Join the waitlist"),
    "btn_cancel_reg": ("❌ 取消报名", "❌ Cancel registration"),
    "btn_edit_reg": ("✏️ 修改报名信息", "✏️ Edit my details"),
    "btn_calendar": ("📅 加入日历（.ics）", "📅 Add to calendar (.ics)"),
    "btn_details_named": ("📄 {name}：详情", "📄 {name}: details"),
    "btn_edit_short": ("✏️ 修改信息", "✏️ Edit details"),
    "btn_cancel_short": ("❌ 取消报名", "❌ Cancel"),
    "btn_cancel_named": ("❌ 取消 {name}", "❌ Cancel {name}"),
    "btn_done": ("✅ 完成", "✅ Done"),
    "ics_caption": (
        "📎 日历文件：导入后活动会出现在您的日历中。",
        "📎 Calendar file: open it to add the event to your calendar.",
    ),
    "edit_menu": (
        "修改「{title}」的报名信息（名额和顺位不变）：\n单位：{affiliation}\n领域：{field}\n邮箱：{email}\n\n要修改哪一项？",
        "Edit your details for “{title}” (your place is kept):\nAffiliation: {affiliation}\nField: {field}\n"
        "Email: {email}\n\nWhat would you like to change?",
    ),
    "edit_affiliation": ("单位", "Affiliation"),
    "edit_field": ("研究领域", "Research field"),
    "edit_email": ("邮箱", "Email"),
    "edit_ask_affiliation": (
        "请输入新的单位（/cancel 放弃）：",
        "Type your new affiliation (/cancel to stop):",
    ),
    "edit_ask_field": (
        "请输入新的研究领域（/cancel 放弃）：",
        "Type your new research field (/cancel to stop):",
    ),
    "edit_ask_email": (
        "请输入新的邮箱；发送 - 删除邮箱（/cancel 放弃）：",
        "Type your new email address, or - to remove it (/cancel to stop):",
    ),
    "edited": ("✅ 已更新{what}：{value}", "✅ {what} updated: {value}"),
    "you_registered": ("✅ 您已报名此活动。", "✅ You are registered."),
    "you_waitlisted": ("⏳ 您在候补名单第 {n} 位。", "⏳ You are number {n} on the waitlist."),
    "closed_note": ("报名已截止。", "Registration is closed."),
    "past_note": ("活动已结束。", "This event has already taken place."),
    "ask_name": (
        "报名「{title}」\n第 1/5 步：请输入您的姓名（/cancel 可随时放弃）。",
        "Registering for “{title}”\nStep 1/5: your full name? (/cancel to stop at any time)",
    ),
    "ask_affiliation": (
        "第 2/5 步：您的工作或学习单位？",
        "Step 2/5: your affiliation (university, institute or company)?",
    ),
    "ask_field": ("第 3/5 步：您的研究领域？", "Step 3/5: your research field?"),
    "ask_email": (
        "第 4/5 步：联系邮箱（可选，点“跳过”不填）。",
        "Step 4/5: an email address (optional — press Skip to leave it out).",
    ),
    "btn_skip": ("跳过", "Skip"),
    "ask_consent": (
        "第 5/5 步：数据使用说明\n我们仅将您的姓名、单位、研究领域、邮箱和 Telegram 用户名（如有）用于组织本次活动，并提供给活动主办方；"
        "不会用于其他目的。您可随时通过 /forgetme 删除全部数据。是否同意？",
        "Step 5/5: use of your data\nYour name, affiliation, field, email and Telegram @username (if any) are used only to organise this event and "
        "are shared with its organisers, for nothing else. You can delete everything at any time with /forgetme. "
        "Do you agree?",
    ),
    "btn_agree": ("同意", "I agree"),
    "btn_disagree": ("不同意", "I do not agree"),
    "summary": (
        "请确认：\n活动：{title}\n姓名：{name}\n单位：{affiliation}\n领域：{field}\n邮箱：{email}",
        "Please confirm:\nEvent: {title}\nName: {name}\nAffiliation: {affiliation}\nField: {field}\nEmail: {email}",
    ),
    "none": ("（未填）", "(none)"),
    "btn_confirm": ("确认报名", "Confirm"),
    "btn_abort": ("放弃", "Cancel"),
    "registered": (
        "🎉 报名成功：{title}\n\n{when}\n{where}\n✉️ 联系：{contact}\n\n"
        "📎 日历文件（.ics）随后发送。活动前我们会提醒您；/myevents 可查看、修改或取消。",
        "🎉 You are registered for {title}\n\n{when}\n{where}\n✉️ Contact: {contact}\n\n"
        "📎 A calendar file (.ics) follows. We will remind you before it starts; /myevents to see, edit or cancel.",
    ),
    "waitlisted": (
        "活动已满，您已加入候补名单（第 {n} 位）。有名额时我们会通知您。",
        "The event is full: you are number {n} on the waitlist. We will tell you if a seat frees up.",
    ),
    "consent_refused": (
        "没有您的同意，我们无法为您报名。未保存任何信息。",
        "Without your consent we cannot register you. Nothing was kept.",
    ),
    "aborted": ("已放弃，未保存任何报名信息。", "Stopped. No registration was saved."),
    "stopped": ("已放弃，未做任何更改。", "Stopped; nothing was changed."),
    "nothing_to_cancel": ("当前没有进行中的操作。", "There is nothing to stop."),
    "bad_name": (
        "姓名需为 2–120 个字符，且不能包含网址或特殊符号。请重新输入：",
        "A name needs 2–120 characters, without links or special symbols. Please try again:",
    ),
    "bad_empty": ("这一项不能为空，请重新输入：", "This cannot be empty. Please try again:"),
    "bad_too_long": ("内容太长，请精简后重新输入：", "That is too long. Please shorten it:"),
    "bad_email": (
        "邮箱格式不正确，请重新输入，或点“跳过”：",
        "That does not look like an email address. Try again, or press Skip:",
    ),
    "bad_email_edit": (
        "邮箱格式不正确，请重新输入；发送 - 删除邮箱：",
        "That does not look like an email address. Try again, or send - to remove it:",
    ),
    "use_buttons": ("请点击上方按钮选择。", "Please use the buttons above."),
    "refused_duplicate": (
        "您已经报名（或在候补名单中）了此活动。",
        "You are already registered (or on the waitlist) for this event.",
    ),
    "refused_past": (
        "该活动已经举行过，无法报名。",
        "This event has already taken place; registration is not possible.",
    ),
    "refused_closed": ("该活动报名已截止。", "Registration for this event has closed."),
    "refused_unknown_event": (
        "找不到该活动，可能已被取消。",
        "That event cannot be found; it may have been withdrawn.",
    ),
    "refused_not_registered": ("您没有报名此活动。", "You are not registered for this event."),
    "refused_full": ("活动已满。", "The event is full."),
    "cancel_confirm": ("确定取消「{title}」的报名吗？", "Cancel your registration for “{title}”?"),
    "btn_yes_cancel": ("是的，取消", "Yes, cancel it"),
    "btn_keep": ("保留", "Keep it"),
    "cancelled": ("已取消「{title}」的报名。", "Your registration for “{title}” is cancelled."),
    "kept": ("好的，保留您的报名。", "OK, your registration is kept."),
    "promoted": (
        "好消息！「{title}」有名额空出，您已从候补转为正式报名。活动前我们会提醒您。",
        "Good news! A seat freed up for “{title}”: you are now registered. We will remind you before it starts.",
    ),
    "my_none": (
        "您还没有报名任何活动。发送 /events 浏览活动。",
        "You have no registrations yet. Send /events to browse events.",
    ),
    "my_list": ("您的报名：", "Your registrations:"),
    "my_registered": ("✅ 已报名", "✅ registered"),
    "my_waitlisted": ("⏳ 候补第 {n} 位", "⏳ waitlist #{n}"),
    "sub_menu": (
        "选择您关心的地区和领域（再点一次取消）。有匹配的新活动时会通知您。",
        "Choose the regions and fields you care about (tap again to remove). You will hear of matching new events.",
    ),
    "sub_on": ("已订阅：{what}", "Subscribed: {what}"),
    "sub_off": ("已取消订阅：{what}", "Unsubscribed: {what}"),
    "sub_done": (
        "✅ 已订阅：{what}。有匹配的新活动时会通知您；/subscribe 可随时修改。",
        "✅ Subscribed to: {what}. You will hear of matching new events; /subscribe to change.",
    ),
    "sub_done_none": (
        "您目前没有订阅任何地区或领域。/subscribe 可随时订阅。",
        "You are not subscribed to any region or field. /subscribe to choose some.",
    ),
    "new_event": (
        "🔔 新活动：{title}\n{start}，{place}\n发送 /start evt_{id} 查看详情。",
        "🔔 New event: {title}\n{start}, {place}\nSend /start evt_{id} for details.",
    ),
    "reminder": (
        "⏰ 提醒：「{title}」即将开始\n\n{when}\n{where}\n✉️ 联系：{contact}\n\n/myevents 可查看或取消。",
        "⏰ Reminder: “{title}” is coming up\n\n{when}\n{where}\n✉️ Contact: {contact}\n\nSee /myevents to manage it.",
    ),
    "privacy": (
        "我们保存什么、为什么：\n• 您的 Telegram 用户 ID 和界面语言：用于回复您。\n"
        "• 报名信息（姓名、单位、研究领域、可选邮箱，以及您的 Telegram 用户名，如有）：仅在您报名并同意后保存，用于组织活动并提供给主办方。\n"
        "• 您设置的时区（/timezone）：用于显示您当地的时间。\n"
        "• 订阅的地区和领域：用于通知新活动。\n• 您的提问和评价：用于改进回答；未能回答的问题会提供给组织者参考；组织者公开回答的问题以他们改写的措辞收入常见问题，不记录提问者。\n"
        "我们不会把个人信息用于其他目的，也不会写入日志或发送给外部语言模型。\n发送 /forgetme 可删除关于您的全部数据。",
        "What we keep and why:\n• your Telegram user id and interface language: to reply to you;\n"
        "• registration details (name, affiliation, field, optional email, and your Telegram @username if you have one): "
        "only when you register and agree, "
        "to organise the event and share with its organisers;\n• the time zone you set (/timezone): to show times on your clock;\n"
        "• the regions and fields you subscribe to: to tell you of new events;\n"
        "• your questions and votes: to improve answers; questions we could not answer are shown to organisers, "
        "and one they answer publicly goes into the FAQ in their wording, without who asked.\n"
        "Personal data are never used for anything else, never logged and never sent to an external language model.\n"
        "Send /forgetme to delete everything stored about you.",
    ),
    "forget_confirm": (
        "确定删除关于您的全部数据吗？这会取消您的所有报名，且无法恢复。",
        "Delete everything stored about you? This cancels all your registrations and cannot be undone.",
    ),
    "btn_forget": ("删除全部数据", "Delete everything"),
    "forgotten": ("已删除关于您的全部数据。", "Everything stored about you has been deleted."),
    "forget_kept": ("好的，未做任何更改。", "OK, nothing was changed."),
    "vote_thanks": ("感谢反馈！", "Thanks for the feedback!"),
    "stale": ("这个按钮已失效。", "This button is no longer valid."),
    "not_admin": ("抱歉，此命令仅供活动组织者使用。", "Sorry, this command is for organisers only."),
    "throttled": (
        "您发送得太快了，请稍等一分钟再试。",
        "You are sending messages too quickly; please wait a minute.",
    ),
    "db_down": (
        "报名数据库暂时无法访问，请几分钟后再试；已保存的报名和设置不受影响。关于赤子计划的问题仍可直接提问。",
        "The registration database cannot be reached right now; please try again in a few minutes. Registrations "
        "and settings already saved are safe, and questions about the plan are still answered.",
    ),
    "error": ("抱歉，出了点问题，请稍后再试。", "Sorry, something went wrong. Please try again in a moment."),
    "non_text": (
        "我只能读取文字消息，请用文字提问。",
        "I can only read text messages; please type your question.",
    ),
    "index_missing": (
        "知识库暂不可用，请稍后再试。",
        "The knowledge base is not available right now; please try again later.",
    ),
    "stats": (
        "统计：\n{events}\n\n已回答问题：{answered}，未回答：{unanswered}\n评价：👍 {up} / 👎 {down}\n用户：{users}\n"
        "提醒发送失败：永久 {permanent}（已屏蔽或账号不存在），暂时 {transient}（已重试）",
        "Statistics:\n{events}\n\nQuestions answered: {answered}, not answered: {unanswered}\nVotes: 👍 {up} / 👎 {down}\n"
        "Users: {users}\nReminder failures: {permanent} permanent (blocked or gone), {transient} transient (retried)",
    ),
    "stats_event": (
        "• {title}\n  报名 {registered}/{capacity}，剩余 {left}，候补 {waitlisted}，已取消 {cancelled}",
        "• {title}\n  {registered}/{capacity} registered, {left} seats left, {waitlisted} waiting, {cancelled} cancelled",
    ),
    "export_pick": ("导出哪个活动的报名？", "Export the registrations of which event?"),
    "export_all": ("全部活动（{n}）", "All events ({n})"),
    "export_event": ("{name}（{n}）", "{name} ({n})"),
    "unanswered_none": ("最近没有未回答的问题。", "No unanswered questions recently."),
    "unanswered": ("最近未能回答的问题：", "Recent questions the assistant could not answer:"),
    "export_caption": ("报名导出（UTF-8 CSV）", "Registrations export (UTF-8 CSV)"),
    "export_unknown": ("没有这个活动 ID。", "No event with that id."),
    "bc_pick": ("群发给谁？", "Who should receive the broadcast?"),
    "bc_registrants": ("{name} 的报名者（{n} 人）", "Registrants of {name} ({n})"),
    "bc_subscribers": ("{name} 的匹配订阅者（{n} 人）", "Subscribers matching {name} ({n})"),
    "bc_ask_zh": (
        "群发给 {n} 人（中文用户 {zh} 人，英文用户 {en} 人）。\n请先输入中文版本。/cancel 放弃。",
        "Broadcast to {n} people ({zh} read Chinese, {en} English).\nFirst type the Chinese version. /cancel to stop.",
    ),
    "bc_ask_en": (
        "请输入英文版本（发给 {en} 位英文用户），或点“两种语言相同”。",
        "Now type the English version (for {en} people), or press “Same text for both”.",
    ),
    "btn_bc_same": ("两种语言相同", "Same text for both"),
    "bc_header": ("📢 「{title}」主办方通知（{contact}）", "📢 From the organisers of “{title}” ({contact})"),
    "bc_preview": (
        "预览（将发送给 {n} 人）：\n\n— 中文用户（{zh} 人）将收到 —\n{text_zh}\n\n— 英文用户（{en} 人）将收到 —\n{text_en}",
        "Preview (to {n} people):\n\n— Chinese readers ({zh}) get —\n{text_zh}\n\n— English readers ({en}) get —\n{text_en}",
    ),
    "btn_send": ("发送", "Send"),
    "bc_started": (
        "正在发送给 {n} 人，完成后会发来送达报告。",
        "Sending to {n} people; a delivery report follows when it is done.",
    ),
    "bc_unknown": (
        "另有 {n} 条在发送中断时正在发出，可能已送达，为免重复未再发送。",
        "{n} more were being sent when sending was interrupted; they may have arrived and were not sent again.",
    ),
    "bc_done": (
        "群发报告：「{title}」\n已送达 {sent}/{n}（中文 {zh}，英文 {en}）\n未送达 {failed}：已屏蔽机器人或账号不存在 {blocked}，其他错误 {other}",
        "Broadcast report: “{title}”\nDelivered {sent}/{n} ({zh} in Chinese, {en} in English)\n"
        "Not delivered {failed}: {blocked} blocked the bot or are gone, {other} other errors",
    ),
    "bc_nobody": ("没有收件人。", "There is nobody to send to."),
    "reloading": ("正在重新加载知识库和活动目录…", "Reloading the knowledge base and events catalogue…"),
    "reloaded": (
        "已重新加载：{chunks} 个片段（{changed}），{events} 个活动。",
        "Reloaded: {chunks} chunks ({changed}), {events} events.",
    ),
    "reload_failed": (
        "重新加载失败，继续使用原有资料：{error}",
        "Reload failed; the previous data stay in use: {error}",
    ),
    "changed": ("有更新", "updated"),
    "unchanged": ("无变化", "unchanged"),
    "helpful": ("👍 有帮助", "👍 Helpful"),
    "unhelpful": ("👎 没帮助", "👎 Not helpful"),
}

# --- the organisers' console -----------------------------------------------------------------------
T.update(
    {
        "c_title": ("赤子助手 · 组织者控制台", "Chizi · organisers' console"),
        "c_login": ("登录", "Sign in"),
        "c_logout": ("退出", "Sign out"),
        "c_name": ("用户名", "Name"),
        "c_password": ("密码", "Password"),
        "c_bad_login": ("用户名或密码不正确。", "Wrong name or password."),
        "c_locked": (
            "失败次数过多，请 {minutes} 分钟后再试。",
            "Too many failed attempts; try again in {minutes} min.",
        ),
        "c_csrf": (
            "表单已过期或来源不明，请刷新页面后重试。",
            "This form expired or did not come from this console; reload the page and try again.",
        ),
        "c_dashboard": ("概览", "Overview"),
        "c_events": ("活动", "Events"),
        "c_questions": ("问题", "Questions"),
        "c_broadcasts": ("群发", "Broadcasts"),
        "c_audit": ("操作记录", "Audit log"),
        "c_new_event": ("新建活动", "New event"),
        "c_edit": ("编辑", "Edit"),
        "c_save": ("保存", "Save"),
        "c_create": ("创建", "Create"),
        "c_close_reg": ("截止报名", "Close registration"),
        "c_reopen_reg": ("重新开放报名", "Reopen registration"),
        "c_cancel_event": ("取消活动", "Cancel event"),
        "c_cancel_confirm": (
            "确认取消：所有报名者将在 Telegram 上收到通知，报名全部作废。",
            "Yes, cancel it: every registrant is told on Telegram and all registrations end.",
        ),
        "c_status_open": ("报名中", "open"),
        "c_status_closed": ("已截止", "closed"),
        "c_status_past": ("已开始/结束", "started or over"),
        "c_status_cancelled": ("已取消", "cancelled"),
        "c_status_withdrawn": ("已从目录撤下", "withdrawn"),
        "c_st_registered": ("已报名", "registered"),
        "c_st_waitlisted": ("候补", "waitlisted"),
        "c_st_cancelled": ("已取消", "cancelled"),
        "c_when": ("时间", "When"),
        "c_where": ("地点", "Where"),
        "c_seats": ("名额", "Seats"),
        "c_waitlist": ("候补", "Waitlist"),
        "c_status": ("状态", "Status"),
        "c_deadline": ("报名截止", "Deadline"),
        "c_format": ("形式", "Format"),
        "c_registrations": ("报名名单", "Registrations"),
        "c_search": ("搜索", "Search"),
        "c_all": ("全部", "All"),
        "c_affiliation": ("单位", "Affiliation"),
        "c_field": ("领域", "Field"),
        "c_email": ("邮箱", "E-mail"),
        "c_telegram": ("Telegram", "Telegram"),
        "c_registered_at": ("报名时间", "Registered"),
        "c_attended": ("已到场", "Attended"),
        "c_mark_attended": ("标记到场", "Mark attended"),
        "c_unmark_attended": ("取消到场", "Not attended"),
        "c_promote": ("转为正式", "Give a seat"),
        "c_export_csv": ("导出 CSV", "Export CSV"),
        "c_export_xlsx": ("导出 Excel", "Export Excel"),
        "c_none": ("暂无。", "None yet."),
        "c_saved": ("已保存。", "Saved."),
        "c_refused": ("无法完成：{reason}", "Not done: {reason}"),
        "c_q_text": ("问题", "Question"),
        "c_q_count": ("次数", "Asked"),
        "c_q_last": ("最近", "Last asked"),
        "c_published_as": ("公开的问题措辞", "Question as published"),
        "c_published_as_help": (
            "这句话会出现在常见问题中：请删去姓名、邮箱、单位等提问者的个人信息。",
            "This wording goes into the FAQ: remove the asker's name, email, affiliation or anything personal.",
        ),
        "c_answer_zh": ("中文回答", "Answer in Chinese"),
        "c_answer_en": ("英文回答", "Answer in English"),
        "c_answer_it": ("发布回答", "Publish answer"),
        "c_answered_note": (
            "已加入常见问题；机器人会用这条回答答复同样的问题。",
            "Added to the FAQ; the bot answers this question with it from now on.",
        ),
        "c_queue_help": (
            "助手未能回答的问题，以及被点了 👎 的回答，按被问次数排列。",
            "Questions the assistant declined and answers voted 👎, most asked first.",
        ),
        "c_audience": ("发送对象", "Recipients"),
        "c_aud_registrants": ("该活动的报名者", "Registrants of the event"),
        "c_aud_subscribers": ("订阅该地区或领域的用户", "Subscribers to its region or fields"),
        "c_text_zh": ("中文内容", "Message in Chinese"),
        "c_text_en": ("英文内容（可留空，则都发中文）", "Message in English (blank: Chinese for all)"),
        "c_preview": ("预览", "Preview"),
        "c_send": ("发送给 {n} 人", "Send to {n} people"),
        "c_progress": ("进度", "Progress"),
        "c_sent": ("已送达", "Sent"),
        "c_blocked": ("已屏蔽", "Blocked"),
        "c_failed": ("失败", "Failed"),
        "c_pending": ("待发送", "Pending"),
        "c_finished": ("已完成", "Finished"),
        "c_sending": ("发送中…", "Sending…"),
        "c_chart_signups": ("近 30 天每日报名", "Sign-ups per day, last 30 days"),
        "c_chart_seats": ("已报名 / 名额", "Seats filled / capacity"),
        "c_chart_fields": ("报名者领域", "Registrants by field"),
        "c_chart_questions": ("每周问题：已回答 / 未回答", "Questions per week: answered / declined"),
        "c_answered": ("已回答", "answered"),
        "c_declined": ("未回答", "declined"),
        "c_actor": ("操作人", "Who"),
        "c_action": ("操作", "What"),
        "c_target": ("对象", "On"),
        "c_at": ("时间", "When"),
        "c_f_id": ("活动 ID（小写字母、数字、连字符）", "Event id (lower-case letters, digits, hyphens)"),
        "c_f_title_zh": ("中文名称", "Title in Chinese"),
        "c_f_title_en": ("英文名称", "Title in English"),
        "c_f_province": ("省份", "Province"),
        "c_f_city": ("城市", "City"),
        "c_f_start": ("开始（活动当地时间）", "Starts (event's local time)"),
        "c_f_end": ("结束", "Ends"),
        "c_f_timezone": ("时区", "Time zone"),
        "c_f_registration_deadline": ("报名截止", "Registration closes"),
        "c_f_capacity": ("名额", "Capacity"),
        "c_f_fields": ("领域", "Fields"),
        "c_f_format": ("形式", "Format"),
        "c_f_description_zh": ("中文介绍", "Description in Chinese"),
        "c_f_description_en": ("英文介绍", "Description in English"),
        "c_f_contact": ("主办方联系方式", "Organisers' contact"),
        "c_f_venue": ("会场地址（线下/混合）", "Venue (in person or hybrid)"),
        "c_f_join_url": ("线上参会链接（https://）", "Join link for online (https://)"),
        "c_f_aliases": ("别名（逗号分隔）", "Other names (comma-separated)"),
        "fmt_in_person": ("线下", "in person"),
        "fmt_online": ("线上", "online"),
        "fmt_hybrid": ("线上+线下", "hybrid"),
        "c_cancelled_msg": (
            "【活动取消】很抱歉，“{title}”已被主办方取消，您的报名随之作废。如有疑问请联系：{contact}",
            "[Event cancelled] We are sorry: “{title}” has been cancelled by its organisers, and your "
            "registration with it. Questions: {contact}",
        ),
        "c_promoted_msg": (
            "🎉 好消息：您已获得“{title}”的正式名额。/myevents 查看详情。",
            "🎉 Good news: you now have a seat at “{title}”. See /myevents for the details.",
        ),
    }
)

# --- the assistant's own sentences (every door shows them) ------------------------------------------
T.update(
    {
        "a_guide_title": ("赤子助手使用说明", "Chizi user guide"),
        "a_catalogue_title": ("赤子助手活动目录", "Chizi events catalogue"),
        "a_sources": ("出处：", "Sources:"),
        "a_as_of": ("（资料截至{as_of}）", "(As of {as_of}) "),
        "a_where_next": (
            "您可以：换个说法再问；发送 /events 查看活动；查阅人力资源和社会保障部网站 www.mohrss.gov.cn；"
            "或通过活动卡片上的联系方式询问主办方。",
            "You could rephrase the question, send /events to browse events, check the Ministry of Human "
            "Resources and Social Security website (www.mohrss.gov.cn), or ask the organisers through the "
            "contact on an event card.",
        ),
        "a_dont_know": (
            "抱歉，我的资料里没有这个问题的可靠答案，我不想编造。",
            "I don't know — the documents I have don't answer that, and I won't guess. ",
        ),
        "a_too_long": (
            "（问题过长，我只读取了前 {n} 个字符。）",
            "(Your message was long; I read its first {n} characters.)",
        ),
        # Fixed replies to messages that never reach retrieval (retrieval/router.py decides which).
        "r_greeting": (
            "您好！我是赤子助手，可以回答关于“海外赤子为国服务行动计划”（赤子计划）的问题，并帮您查找和报名各地的引才活动。请直接提问，或发送 /events 浏览活动。",
            "Hello! I am Chizi, the assistant of the Overseas Scholars Serve-the-Country Action Plan (赤子计划). "
            "Ask me about the plan, or send /events to browse and register for regional events.",
        ),
        "r_thanks": (
            "不客气！还有其他问题随时问我。",
            "You're welcome! Ask me anything else about the plan any time.",
        ),
        "r_injection": (
            "我只能根据赤子计划的资料回答问题，不能更改自己的规则。您想了解赤子计划或近期活动的哪些方面？",
            "I can only answer from the Chizi Plan's documents and cannot change my rules. "
            "What would you like to know about the plan or its upcoming events?",
        ),
        "r_personal_data": (
            "抱歉，我不能提供其他人的个人信息或报名情况。您可以通过 /myevents 查看自己的报名；活动主办方的联系方式在活动卡片上。",
            "Sorry, I can't share other people's personal data or registrations. You can see your own with /myevents; "
            "the organisers' contact is on each event card.",
        ),
        "r_help": (
            "我是赤子助手，可以：\n• 回答关于“海外赤子为国服务行动计划”（赤子计划）的问题，并注明出处；\n"
            "• 查找各地引才活动（日期、地点、截止时间、剩余名额），例如“6月有什么活动”；\n"
            "• 帮您报名：发送 /events 浏览活动，/myevents 查看或取消报名，/subscribe 订阅新活动通知。",
            "I am Chizi. I can:\n• answer questions about the Overseas Scholars Serve-the-Country Action Plan (赤子计划), "
            "with sources;\n• find regional talent events (dates, places, deadlines, seats left), e.g. “what's on in June?”;\n"
            "• register you: send /events to browse events, /myevents to see or cancel yours, /subscribe for news of new ones.",
        ),
        "r_out_of_scope": (
            "这个问题超出了我的范围：我只回答关于赤子计划及其引才活动的问题。您可以问我赤子计划是什么、2012年的成果，或发送 /events 查看活动。",
            "That is outside what I can help with: I answer questions about the Chizi Plan and its talent events. "
            "Try asking what the plan is or what it achieved in 2012, or send /events to see upcoming events.",
        ),
        "a_type_a_question": (
            "请输入您的问题，例如：赤子计划是什么？",
            "Please type a question, e.g. “What is the Chizi Plan?”",
        ),
        "a_catalogue_is_sample": (
            "这里列出的活动是示例目录：日期、地点和名额仅作演示，并非官方发布。赤子计划本身的事实来自人社部2013年3月26日的新闻稿。",
            "The events listed here are a sample catalogue: their dates, places and capacities are for demonstration"
            " and are not official announcements. The plan's own facts come from the ministry's release of 26 March 2013.",
        ),
        "a_catalogue_is_live": (
            "活动信息来自各活动主办方维护的目录（更新于{updated}）；具体安排以主办方为准，联系方式见活动卡片。",
            "The events come from the catalogue their organisers keep (updated {updated}); the organisers confirm"
            " each event's details, through the contact on its card.",
        ),
        "a_sample_catalogue": (
            "\n（示例活动目录，日期与名额仅作演示。）",
            "\n(Sample catalogue: dates and places are for demonstration.)",
        ),
        "a_nothing_on": (
            "我的资料里没有关于“{missing}”的信息，无法回答这个问题。",
            "My documents have nothing on “{missing}”, so I can't answer that.",
        ),
        "a_not_at": ("据资料，不是{places}：", "According to my documents, not {places}: "),
        "a_nearest_about": ("{title}，资料截至{as_of}", "{title}, as of {as_of}"),
        "a_nearest": (
            "\n最接近的资料（{about}）：{sentence} [1]（这不是您问的内容，仅供参考。）",
            "\nThe nearest fact I have ({about}): {sentence} [1] (not what you asked; for reference only).",
        ),
    }
)

# --- answers about events, from the live catalogue (chizi.event_answers) -----------------------------
T.update(
    {
        "ev_closes": (
            "报名截止：{day} {clock}（{zone}）{yours}，{left}。",
            "Registration closes {day} {clock} ({zone}){yours}, {left}.",
        ),
        "ev_closed": ("报名已截止。", "Registration has closed."),
        "ev_left_today": ("就在今天", "today"),
        "ev_left_tomorrow": ("就在明天", "tomorrow"),
        "ev_left_days": ("还有 {n} 天", "in {n} days"),
        "ev_register": (
            "报名{title}：点下面的“报名”按钮，或发送 /start evt_{id}。",
            "To register for {title}, press “Register” below or send /start evt_{id}.",
        ),
        "ev_seats": (
            "{title}共有名额 {capacity} 个，目前剩余 {left} 个。",
            "{title} has {capacity} places; {left} left right now.",
        ),
        "ev_seats_waitlist": (
            "{title}共有名额 {capacity} 个，目前剩余 {left} 个，候补 {waiting} 人。",
            "{title} has {capacity} places; {left} left right now, {waiting} on the waitlist.",
        ),
        "ev_no_edition": (
            "活动目录里没有{years}年的这项活动；目录里有的一届是：",
            "The catalogue has no {years} edition of this event; the edition it has is:",
        ),
        "ev_titled": ("{title}：{text}", "{title}: {text}"),
        "ev_fit_tell_field": (
            "告诉我您的研究领域（例如“我做电池研究”），我会挑出与之匹配的活动。",
            "Tell me your field (for example “I work on batteries”) and I will pick the events that match it.",
        ),
        "ev_field_elsewhere": (
            "{place}及附近没有列出{fields}领域的活动；以上是其他地方列出该领域的活动。",
            "Nothing in or near {place} lists {fields}; these events elsewhere do.",
        ),
        "ev_none_in_field": (
            "以上活动都没有把{fields}列为领域；它们符合您说的时间或地点。",
            "None of these lists {fields} among its fields; they match the time or place you gave.",
        ),
        "ev_none_in_field_online": (
            "以上活动都可以线上参加，但都没有把{fields}列为领域。",
            "These can all be joined online, but none lists {fields} among its fields.",
        ),
        "ev_next_after": (
            "目录里{title}之后的下一个活动：",
            "The next event in the catalogue after {title}:",
        ),
        "ev_next_before": (
            "目录里{title}之前的一个活动：",
            "The event in the catalogue just before {title}:",
        ),
        "ev_next_after_none": (
            "目录里{title}之后没有别的活动了。",
            "The catalogue has no event after {title}.",
        ),
        "ev_next_before_none": (
            "目录里{title}之前没有别的活动。",
            "The catalogue has no event before {title}.",
        ),
        "ev_side_by_side": (
            "我的资料没有比较这几个活动；下面是每个活动的介绍，供您比较：",
            "Nothing I have compares them; here is each one, for you to compare:",
        ),
        # A comparison of events: the one asked for, before each one's details.
        "ev_verdict_when_less": ("{title}更早，{day}开始。", "{title} comes first, starting {day}."),
        "ev_verdict_when_more": ("{title}更晚，{day}开始。", "{title} comes later, starting {day}."),
        "ev_verdict_seats_more": (
            "{title}名额更多：{capacity} 个。",
            "{title} is bigger: {capacity} places.",
        ),
        "ev_verdict_seats_less": (
            "{title}名额更少：{capacity} 个。",
            "{title} is smaller: {capacity} places.",
        ),
        "ev_verdict_duration_more": ("{title}时间更长：{n} 天。", "{title} runs longer: {n} days."),
        "ev_verdict_duration_less": ("{title}时间更短：{n} 天。", "{title} is shorter: {n} days."),
        "ev_format": ("{title}：{format}。", "{title}: {format}."),
        "ev_contact": (
            "{title}的主办方联系方式：{contact}",
            "Contact the organisers of {title} at {contact}.",
        ),
        "ev_time": ("{title}开始时间：{start}。", "{title} starts {start}."),
        "ev_link": (
            "{title}的线上参会链接在您报名后显示在活动卡片上（也写在报名后可下载的日历文件里）。",
            "{title}: the online join link is shown on the event's card once you have registered (and is in "
            "its calendar file).",
        ),
        "ev_link_in_person": (
            "{title}只在线下（现场）举行，没有线上参会链接。",
            "{title} is in person only: there is no online join link.",
        ),
        "ev_gap": (
            "{first}{first_day}开始，{second}{second_day}开始：相隔 {days} 天{weeks}。",
            "{first} starts on {first_day} and {second} on {second_day}: {days} days apart{weeks}.",
        ),
        "ev_gap_weeks": ("（{weeks} 周）", " ({weeks} weeks)"),
        "ev_ends": ("{title}于{end}（{zone}）结束。", "{title} ends {end} ({zone})."),
        "ev_one_day": ("{title}为期 1 天：{span}。", "{title} lasts 1 day: {span}."),
        "ev_days": ("{title}为期 {n} 天：{span}。", "{title} lasts {n} days: {span}."),
        "ev_line_fields": ("，领域含{fields}", ", covers {fields}"),
        "ev_fields": ("{title}面向的领域：{fields}。", "{title} is about {fields}."),
        "ev_place": ("{title}地点：{where}。", "{title} takes place in {where}."),
        "ev_place_online": ("{title}地点：{where}。", "{title} takes place {where}."),
        "ev_city_not_venue": (
            "{title}在{place}举行；活动信息没有写具体场馆，主办方可以告诉您：{contact}",
            "{title} is held in {place}; its details do not name the venue itself — its organisers can tell you: {contact}",
        ),
        "ev_ask_organisers": (
            "{title}：活动信息里没有关于{what}的内容；主办方可以告诉您：{contact}",
            "{title}: the event's details say nothing about {what}; its organisers can tell you: {contact}",
        ),
        "ev_essentials": (
            "{span}，{where}；开始时间 {start}{until}。{closes}",
            "{span}, {where}; starts {start}{until}. {closes}",
        ),
        "ev_abroad_first": (
            "在海外也可以线上参加的活动排在前面。",
            "Events you can join from abroad (online or hybrid) come first.",
        ),
        "ev_none_in_month_next": (
            "{months}没有即将举行的活动；之后最近的活动如下。",
            "No upcoming event falls in {months}; these are the next ones after it.",
        ),
        "ev_none_there_nearby": (
            "{place}暂时没有即将举行的活动；以下是附近地区的活动。",
            "No upcoming event is held in {place}; here are the ones nearby.",
        ),
        "ev_none_there_in_month_nearby": (
            "{place}在{months}没有即将举行的活动；以下是附近地区同期的活动。",
            "No upcoming event is held in {place} in {months}; here are the ones nearby then.",
        ),
        "ev_none_matching": (
            "活动目录里没有符合这些条件的即将举行的活动。发送 /events 可以浏览全部活动，/subscribe 可以在有新活动时收到通知。",
            "The events catalogue has no upcoming event that matches. Send /events to browse them all, or /subscribe "
            "to hear about new ones.",
        ),
        "ev_matching": ("符合条件的活动（共 {n} 个）：", "Matching events ({n}):"),
        "ev_matching_first": (
            "符合条件的活动（共 {n} 个，列出前 {shown} 个）：",
            "Matching events ({n}, first {shown} shown):",
        ),
        "ev_line_open": (
            "报名截止{month}月{day}日（{left}），剩余 {seats} 个名额",
            "registration closes {date} ({left}), {seats} places left",
        ),
        "ev_line_closed": ("报名已截止", "registration closed"),
    }
)


# What the documents lack, as a Chinese reply names it (retrieval names these concepts in English).
CONCEPTS_ZH = {
    "minister": "部长",
    "budget": "预算和花费",
    "salary": "工资待遇",
    "whether it still runs": "目前是否仍在举办",
    "the ministry's departments": "人社部内部的司局分工",
    "payments to individuals": "给个人发放的资金",
    "presenting one's work": "在活动上展示个人项目",
    "who else attends": "参会企业和人员名单",
    "visa": "签证",
    "weather": "天气",
    "an age limit": "年龄限制",
    "a breakdown of the total": "分项数字",
    "the plan's application deadline": "申报截止时间",
    "finding a job": "求职就业",
    "women": "女性学者",
    "passport": "护照",
    "acceptance rate": "通过率",
    "subsidy": "补贴",
    "university": "高校",
    "per-activity amount": "每个活动的资助金额",
    "amount granted": "拨款金额",
    "phone": "电话",
    "average": "平均数",
    "website": "网站",
    "housing": "住房",
    "family members": "携带家属",
    "the events' language": "活动使用的语言",
    "dress code": "着装要求",
    "meals": "餐饮",
    "acronym": "缩写",
    "what a word means": "词语本身的含义",
    "the origin of the name": "名称的由来",
    "shortcomings": "不足之处",
    "currency conversion": "外币换算",
    "transferring a place": "转让名额",
    "group registration": "集体报名",
    "the plan's end": "计划何时结束",
    "the agenda": "日程安排",
    "the agreements' terms": "协议的具体内容",
    "the topics discussed": "讨论的议题",
    "day-to-day work": "日常工作",
    "illnesses treated": "诊治的病种",
    "the speakers": "演讲嘉宾",
    "hotels": "酒店住宿",
    "airport transfers": "接送机",
    "recordings": "录像回放",
    "parking": "停车",
    "venue": "举办场馆",
    "street address": "具体地址",
    "cancelled events": "取消的活动",
    "past turnout": "往届报名人数",
    "certificate": "证书",
    "a professional licence": "执业资格",
    "sightseeing": "游览",
    "invitation letter": "邀请函",
    "the application deadline": "申报截止时间",
    "what happened afterwards": "后来的进展",
}


def concept_name(name: str, language: str) -> str:
    """A concept the documents lack, in the reply's language (other names are returned as they are)."""
    return CONCEPTS_ZH.get(name, name) if language == "zh" else name


def joined(names: list[str], language: str) -> str:
    """Names in a sentence: 甲、乙 in Chinese, "a, b" in English."""
    return ("、" if language == "zh" else ", ").join(names)


def t(key: str, language: str, **kwargs: object) -> str:
    zh, en = T[key]
    text = zh if language == "zh" else en
    return text.format(**kwargs) if kwargs else text


def broadcast_message(event: Any, lang: str, data: dict[str, Any]) -> str:
    """An organiser's broadcast as a reader sees it: a header naming the event (a catalogue Event, or
    None when it is gone) and its organisers, then the version in the reader's language (else Chinese)."""
    body = data["text_zh"] if lang == "zh" else data.get("text_en") or data["text_zh"]
    if event is None:
        return str(body)
    return t("bc_header", lang, title=event.title(lang), contact=event.contact) + "\n\n" + body


def split_message(text: str, limit: int = 4000) -> list[str]:
    """Pieces under Telegram's 4096-character limit, cut at paragraph, line or sentence ends when possible."""
    pieces: list[str] = []
    while len(text) > limit:
        window = text[:limit]
        cut = max(window.rfind("\n\n"), window.rfind("\n"))
        if cut < limit // 2:
            cut = max(window.rfind(p) for p in ("。", ". ", "！", "？", "; ", " "))
        cut = cut + 1 if cut >= limit // 2 else limit
        pieces.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    if text:
        pieces.append(text)
    return pieces or [""]
