"""Article metadata: title, publication stamp, outlet, section, byline, views,
keywords and site chrome, read from the layout scraped portals leave.

The shapes looked for are data in `rules/common.yaml` (`tables: metadata`);
the code here only walks the lines near the top and the tail of the text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

import regex

from .document import Doc, Published, twelve_hour
from .extract.officials_text import SIGNED_NOTE, is_vietnamese_syllable, right_column
from .letterhead import NATIONAL_MOTTO, PLACE_DATE, date_of
from .model import Article
from .normalise import canonical, fold
from .rules import RuleSet, prepared

_HEADER = regex.compile(r"^#\s*([\w.-]+)\s*=\s*(.*?)\s*$")
_MONTHS_EN = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
# `18/9/2025`, or in words: `22 tháng 8 năm 2025`.
_DATE = (r"(?:(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})"
         r"|(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s*(?:,?\s+năm\s+|,\s*)(?P<y>\d{4})"  # (`22 tháng 5, 2018`)
         # an English-language page's or an e-mail's (`October 17, 2019`, `14 Jul 2022`)
         rf"|(?-i:(?P<mn>{_MONTHS_EN}))\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})"
         rf"|(?P<d>\d{{1,2}})\s+(?-i:(?P<mn>{_MONTHS_EN}))\.?,?\s+(?P<y>\d{{4}}))")
# seconds are dropped; `PM`/`CH` (chiều) and `AM`/`SA` (sáng) mark a twelve-hour clock
_TIME = (r"(?P<h>\d{1,2})\s*(?::|h|giờ)\s*(?P<mi>\d{2})(?::\d{2})?(?:\s*(?P<ap>AM|PM|SA|CH)(?!\w))?"
         r"(?:\s*(?:(?:GMT|UTC|ICT)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?|[+-]\d{4})(?!\w))?")  # a time zone (`GMT+7`, `+0700`)
# Words a stamp may start with: `Ngày đăng`, `Cập nhật lúc`, `Thứ Hai,`.
_STAMP_LABELS = (r"(?:(?:ngày\s+đăng|đăng\s+ngày|đăng\s+lúc|đăng\s+tải|cập\s+nhật(?:\s+lúc)?|xuất\s+bản"
                 r"|ngày|lúc|thứ\s+\w+|chủ\s+nhật"
                 # an English-language page's (`Tuesday, 21/11/2023`, `Published: 14/05/2021 09:02`)
                 r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:mon|tue|wed|thu|fri|sat|sun)\.?(?=,)"
                 r"|(?:published|posted|updated)(?:\s+on)?|date"
                 r"|[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org)(?![\w.]))\s*[:,]?\s*)*")  # (a site's name first: `VTV.vn  Cập nhật lúc …`)
_STAMP = regex.compile(
    rf"^{_STAMP_LABELS}(?:{_DATE})(?:\s*(?:[|,-]|lúc)?\s*{_TIME})?",
    regex.IGNORECASE,
)
_STAMP_TIME_FIRST = regex.compile(rf"^{_STAMP_LABELS}{_TIME}\s*(?:[|,-]\s*)?(?:(?:thứ\s+\w+|chủ\s+nhật)\s*[|,-]?\s*)?"
                                rf"(?:(?:ngày|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\s*,?\s*)?{_DATE}", regex.IGNORECASE)
# An e-mail's header block over a newsletter (`From: …` / `Date: …` / `Subject: …`): its subject is
# the headline (without the list's tag or a reply's mark: `[Bản tin số 27] …`, `Fwd: …`), its date the stamp.
_MAIL_FIRST = regex.compile(r"^From\s*:\s*\S")
_MAIL_HEADER = regex.compile(r"^(?:From|To|Cc|Bcc|Reply-To|Sender|Date|Sent|Subject|X-[\w-]+)\s*:[ \t]*")
_MAIL_SUBJECT_TAGS = regex.compile(r"(?i)(?:(?:re|fwd?|tv|trả\s+lời|chuyển\s+tiếp)\s*:\s*|\[[^\]\n]{1,60}\]\s*)*")
_UPDATED = regex.compile(r"(?i)\s*(?:cập\s+nhật|updated)")
_POSTED = regex.compile(r"(?i)\s*(?:ngày\s+đăng|đăng\s+lúc|đăng\s+ngày|đăng\s+tải|xuất\s+bản|published|posted)")
# A byline before the stamp on one line (`Hồng Nhung   Thứ Năm, 25/06/2020 - 17:48`).
_NAME_THEN_STAMP = regex.compile(
    r"(?P<name>\p{Lu}\p{L}*(?:[ ]\p{Lu}\p{L}*){1,3}?)\s+(?=(?:Thứ\s+\p{L}+|Chủ\s+[Nn]hật)\s*,?\s*[0-9]|[0-9]{1,2}/[0-9]{1,2}/[0-9]{4})")
# A header line is cut into fields at `|`; a leading `(Outlet)` is not part of a stamp.
_FIELD_SEPARATOR = regex.compile(r"\s*[|·]\s*")  # (`Hoàng Lan  ·  14/07/2025 10:12`: a middle dot too)
_LEADING_PARENTHESIS = regex.compile(r"^\([^()]{2,40}\)\s*[-:]?\s*")
_BY = r"(?-i:By)\s+(?=\p{Lu})"  # an English-language page's byline label (`By Lan Anh`)
_AUTHOR_LABEL = regex.compile(r"^(?:(?:tác\s+giả|(?:bài|tin)(?:\s*(?:,|và)\s*ảnh)?|người\s+viết|người\s+đăng|reporter|author|writer)\s*:\s*"
                              r"|" + _BY + ")"
                              r"(?!(?:quản\s+trị|admin|ban\s+biên\s+tập|bbt|biên\s+tập\s+viên)(?![\w]))"
                              r"(?P<name>\p{Lu}[\p{L} .-]{1,40}?)\s*$", regex.IGNORECASE)
_POSTER = regex.compile(r"(?i)người\s+đăng")
_VIEWS = regex.compile(r"(?:lượt\s+(?:xem|đọc)|views)\s*:?\s*(\d[\d.,]*)|(?<![\d.,/:])(\d[\d.,]*)[^\S\n]*(?:lượt\s+(?:xem|đọc)|views)(?![\w])(?!\s*:)",
                       regex.IGNORECASE)  # (`Lượt xem: 2.089`, `👁 2.089 lượt xem`, `Lượt đọc: 1.205`)
_OUTLET = regex.compile(
    r"^\s*(?:\((?P<outlet>[\w.&+-]{2,30}(?:\s[\w.&+-]{2,15}){0,2})\)\s*(?:[-:]\s*\S|(?=\p{Lu}))"
    # or after the dateline's place: `Lima (TTXVN) - `, `TP.HCM (VOV) – `
    r"|\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*){0,3}\s*\((?P<outlet>[\w.&+-]{2,30}(?:\s[\w.&+-]{2,15}){0,2})\)"
    r"\s*[-–—:]\s*\S"
    # or an agency's capitals opening the lead paragraph: `TTXVN - `, `PLO - `, `VOV.VN - `, `TGVN. `
    r"|(?P<outlet>\p{Lu}[\p{Lu}\d&]{1,7}(?:\.(?:VN|vn|com))?)(?:\s+Online)?\s+-\s+\p{Lu}"  # (`QĐND Online - `)
    r"|(?!(?:PGS|NXB|TSKH)\.)(?P<outlet>\p{Lu}[\p{Lu}\d&]{2,7})\.\s+\p{Lu})"
)
_KEYWORDS = regex.compile(r"^\s*(?:từ\s+khóa|tags?|chủ\s+đề)\s*:\s*(?P<kw>.+)$", regex.IGNORECASE)
_CHROME = regex.compile(
    r"^\s*(?:(?:tổng\s+đài|hotline|đường\s+dây\s+nóng|điện\s+thoại|email|e-mail|fax|"
    r"bản\s+quyền|copyright|xem\s+thêm|tin\s+liên\s+quan|chia\s+sẻ|in\s+bài|in\s+trang|gửi\s+(?:email|bài)|"
    r"trang\s+chủ|xem\s+cỡ\s+chữ|đăng\s+nhập|quay\s+lại|cơ\s+quan\s+chủ\s+quản|ý\s+kiến\s+bạn\s+đọc|"
    r"tin\s+khác|các\s+tin|tin\s+cùng|bài\s+viết\s+liên\s+quan|đọc\s+thêm)\b"
    r"|(?:địa\s+chỉ|hôm\s+nay|ảnh|nguồn)\s*:|©|bản\s+in\s*$|(?:https?://|www\.)\S+\s*$"  # (`Bản in` and the page's address: a print version's head)
    r"|[-–—_=*~•·]{3,}\s*$)",  # (a rule drawn under the article: `---`, `***`)
    regex.IGNORECASE,
)
# A footer's list of other articles opens with one of these: what follows is no part of the article.
_RELATED = regex.compile(
    r"^\s*(?:tin\s+liên\s+quan|tin\s+khác|các\s+tin\s+khác|tin\s+cùng\s+chuyên\s+mục|các\s+tin\s+đã\s+đưa"
    r"|bài\s+viết\s+liên\s+quan|tin\s+bài\s+khác|đọc\s+thêm|xem\s+thêm"
    r"|tin\s+mới\s+nhất|tin\s+đọc\s+nhiều|đọc\s+nhiều\s+nhất|tin\s+xem\s+nhiều|tin\s+nổi\s+bật"
    r"|bài\s+viết\s+cùng\s+chuyên\s+mục|cùng\s+chuyên\s+mục)\b",
    regex.IGNORECASE)
# The site's name after a headline, as a browser tab shows it (`… - Cổng thông tin điện tử huyện X`).
_TAB_SUFFIX = regex.compile(
    r"\s+[-–|]\s+(?:(?:Cổng|Trang)\s+(?i:thông\s+tin)|Báo\s+\p{Lu}|Tạp\s+chí\s+\p{Lu})[^\n]{0,80}$")
# A ticker over the page (`Giá vàng SJC: … | Tỷ giá USD: … | Hà Nội 18°C - 23°C`).
_TICKER = regex.compile(r"(?i)giá\s+vàng|tỷ\s+giá|°C|VN-?Index|giá\s+xăng")
_TAB_SEPARATOR = regex.compile(r"\s+[-–|]\s+")
# The site's bar over the page, with today's date (`Thứ Năm, 21/12/2017 | Đăng nhập | English`).
_SITE_BAR = regex.compile(r"(?i)(?:^|\|)\s*(?:đăng\s+nhập|đăng\s+ký|english|tiếng\s+anh|rss|sơ\s+đồ\s+site)\s*(?:\||$)")
# The heading of the readers' comments under an article (a short line of its own).
_COMMENTS = regex.compile(
    r"^\s*(?:ý\s+kiến\s+bạn\s+đọc|bình\s+luận(?:\s+của\s+bạn)?|gửi\s+bình\s+luận(?:\s+của\s+bạn)?|viết\s+bình\s+luận"
    r"|ý\s+kiến\s+của\s+bạn)(?:\s*\(\d+\))?\s*:?\s*$", regex.IGNORECASE)
_COMMENT_LINES = 40  # among the last lines only
# A sidebar's dated item in the page's head (`• Khai mạc Hội khỏe Phù Đổng … (08/07/2016)`).
_SIDEBAR_ITEM = regex.compile(r"^\s*[•»›▪◦·]\s*\S.*\([0-9]{1,2}/[0-9]{1,2}/[0-9]{4}\)\s*$")
# An item of a list of other articles: a marked line, or a headline dated in brackets.
_RELATED_ITEM = regex.compile(r"[ \t]*(?:[-–•»+*\"][ \t]*\p{Lu}|\p{Lu}[^\n]*\([0-9]{1,2}/[0-9]{1,2}/[0-9]{4}\)[ \t]*$)")
# A site menu on one line: three or more short items between `|` (`Giới thiệu | Tin tức | Liên hệ`).
_MENU = regex.compile(r"^(?:[^|\d]{1,30}\|){2,}[^|\d]{1,30}$")
# A portal's or body's name in capitals heading the page (`CỔNG THÔNG TIN ĐIỆN TỬ QUẬN HÀ ĐÔNG`,
# `SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN TỈNH NAM ĐỊNH`, `ĐẢNG BỘ TỈNH LÀO CAI`).
_CAPS_MASTHEAD = regex.compile(
    r"^(?:CỔNG|TRANG|BÁO|ĐÀI|TẠP\s+CHÍ|SỞ|BỘ|ĐẢNG\s+BỘ|TRUNG\s+TÂM|ỦY\s+BAN|UBND|HĐND|BAN|"  # (old tones are modern here)
    r"HUYỆN\s+ỦY|TỈNH\s+ỦY|THÀNH\s+ỦY|QUẬN\s+ỦY|CỤC|VIỆN|CÔNG\s+AN|BỘ\s+CHỈ\s+HUY|TÒA\s+ÁN|VIỆN\s+KIỂM\s+SÁT)\s"
    r"|CỔNG\s+THÔNG\s+TIN")
# The site's name on a line of its own above the article (`Báo Nhân Dân điện tử`,
# `Cổng thông tin điện tử huyện Gia Lâm`): no headline.
_MASTHEAD = regex.compile(
    r"^(?:(?:Báo|Tạp\s+chí|Đài\s+(?:Phát\s+thanh|Truyền\s+hình|PT-TH|PTTH)"
    r"|Báo\s+và\s+Phát\s+thanh,?\s+Truyền\s+hình)\s+\p{Lu}[\w&.-]*(?:\s+[\p{L}&.-]+){0,3}"  # (`Báo và Phát thanh, Truyền hình An Giang`)
    r"(?:\s+(?:điện\s+tử|online))?"
    r"|(?:Cổng|Trang)\s+(?i:thông\s+tin(?:\s+điện\s+tử)?)"
    r"(?:\s+(?i:tỉnh|thành\s+phố|huyện|quận|thị\s+xã|xã|phường|thị\s+trấn))?(?:\s+\p{Lu}[\w&.-]*){1,5}"
    r"(?:(?:\s+\p{Ll}+){1,2}(?:\s+\p{Lu}[\w&.-]*){0,3})?"  # (a body's name: `… Chính phủ`, `… Bộ Tài chính`)
    # (and the place above it: `Trang thông tin điện tử xã Quảng Phú - huyện Quảng Xương`, `… - Quảng Bình`)
    r"(?:\s+[-–]\s+(?:(?i:tỉnh|thành\s+phố|huyện|quận|thị\s+xã)\s+)?\p{Lu}[\w&.-]*(?:\s+\p{Lu}[\w&.-]*){0,3})?"
    r"|(?:Cổng|Trang)\s+(?i:thông\s+tin\s+điện\s+tử))\s*$"  # (under the body's name in capitals)
)
# A site's brand written as one word with a capital inside (`VnExpress`, `VietnamPlus`, `ZingNews`),
# or its domain name (`Chinhphu.vn`, `Baochinhphu.vn`, `Dantri.com.vn`).
_BRAND = regex.compile(r"\p{Lu}\p{Ll}+\p{Lu}[\p{L}]+(?:\.(?:vn|net|com))?"
                       r"|\p{Lu}[\p{Ll}\d-]+(?:\.(?:com|net|org|gov|edu))?\.(?:vn|com|net|org)")
# A social-media post's stamp: a day and month (maybe a year) `lúc` a time, or a time ago; the
# audience icon after a middle dot (`15 tháng 3 lúc 08:30 · 🌏`, `Hôm qua lúc 20:10 · 🌏`).
_POST_STAMP = regex.compile(
    r"^\s*(?:[0-9]{1,2}[ ]+tháng[ ]+[0-9]{1,2}(?:,?[ ]+[0-9]{4})?[ ]+lúc[ ]+[0-9]{1,2}:[0-9]{2}"
    r"|[0-9]{1,2}[ ]+(?:phút|giờ|ngày)[ ]+trước|(?:Hôm[ ]+qua|Hôm[ ]+kia)(?:[ ]+lúc[ ]+[0-9]{1,2}:[0-9]{2})?|Vừa[ ]+xong)"
    r"[ ]*·[ ]*\S{0,3}\s*$", regex.IGNORECASE)  # (the dot is the post's: a headline's stamp has none)
# A messaging app's official account over its post (`Zalo OA · UBND xã X`; `Zalo Official Account`,
# the account's name on the next line; `Tài khoản đã xác thực · 12.406 người quan tâm`).
_MESSAGING_ACCOUNT = regex.compile(
    r"^\s*(?:(?P<app>Zalo(?:[ ]+(?:OA|Official[ ]+Account))?)(?:[ ]*·[ ]*(?P<name>\S.{1,80}?))?"
    r"|[✔✓☑]?[ ]*Tài[ ]+khoản[ ]+(?:đã[ ]+xác[ ]+thực|chính[ ]+thức)(?:[ ]*·.*)?)\s*$")
_LEADING_PICTOGRAPHS = regex.compile(r"^(?:[\p{So}\p{Sk}\p{Cf}\p{Mn}]|\s)+(?=\S)")  # emoji before a post's headline
_GLUED_TAG = regex.compile(r"(?<=[\p{Ll}\d])(?=\p{Lu}\p{Ll})")
_WORD = r"(?:[HK]['’])?\p{Lu}[\p{L}]*"
_NAME = rf"(?:\p{{Lu}}\.\s?)?{_WORD}(?:[ ]{_WORD}){{0,3}}"
# The agency after a name: `- VGP`, `- TTXVN`, `- VHXH xã`, `- Đài TT xã`, `(CTV)`.
_AGENCY = (r"(?:\p{Lu}[\p{Lu}\d&.]{1,9}(?:(?:\s+(?:xã|phường|thị\s+trấn|huyện|quận|thị\s+xã|thành\s+phố|tỉnh))?"
           r"(?:\s+(?:\p{Lu}\p{Ll}*|\p{Lu}{2,5}(?![\p{Ll}]))){0,4}"  # (`BTG HU`, `TTVH huyện Vĩnh Tường`)
           r"|\s+\p{Lu}[\p{Lu}\d&]{1,12}\s+(?:xã|phường|thị\s+trấn|huyện|quận|thị\s+xã|thành\s+phố|tỉnh))?"  # (`VP HĐND&UBND huyện`)
           r"|(?:Đài|Báo|Cổng|Trung\s+tâm|Phòng|Ban|Văn\s+phòng|Tạp\s+chí|Công\s+an|Bệnh\s+viện|Sở|Hội|UBND|Ủy\s+ban"
           r"|Hạt|Chi\s+cục|Cục|Trạm|Đồn|Trường|Đoàn|Viện|Liên\s+đoàn|Mặt\s+trận|Bộ\s+Chỉ\s+huy|Bộ"
           r"|Huyện\s+ủy|Tỉnh\s+ủy|Thành\s+ủy|Quận\s+ủy|Đảng\s+ủy)\b[\w ./&,-]{0,60})")
# A second author in capitals after the first (`NGỌC KHẢI - MINH HÒA`), which the byline
# pattern reads as an agency (`- TTXVN`) unless its words are Vietnamese syllables.
_CO_AUTHOR = regex.compile(r"\s+[-–]\s+(?P<name>\p{Lu}+(?:[ ]\p{Lu}+){1,2})\s*$")
# An aggregator's line crediting the source and its stamp (`Nguồn: Báo Yên Bái · 06/09/2021 10:25 · Xem bài gốc`).
_SOURCE_LINE = regex.compile(r"(?i)\s*nguồn\s*:\s*(?P<outlet>\p{Lu}[^·•|\n]{1,40}?)\s*[·•|]\s*"
                             r"(?P<stamp>[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}(?:\s+[0-9]{1,2}:[0-9]{2})?)")
# A related-list label glued after the byline on the last line of a one-paragraph scrape.
_TRAILING_LABEL = regex.compile(r"(?i)\s+(?:xem\s+thêm|tin\s+liên\s+quan|đọc\s+thêm|tin\s+khác)\s*:?\s*$")
_DESKS = frozenset({"PV", "CTV", "BTV"})  # a reporter, a contributor, an editor, unnamed: still the byline
_SOURCE_OUTLET = regex.compile(r"^Theo\s+(?P<outlet>(?:Báo|Tạp\s+chí|Đài|Cổng\s+thông\s+tin)\s+\S.{1,40}?)\s*$")
_EDITORS = frozenset({"ban biên tập", "tòa soạn", "toà soạn", "bbt"})
# An office or a desk signing the article on the last line, with no person's name
# (`Văn phòng Sở`, `Văn phòng HĐND và UBND huyện`, `Nhóm PV Thời sự`, `Phòng Văn hóa - Thông tin`).
_UNIT_BYLINE = regex.compile(
    r"(?:Văn\s+phòng|Phòng|Nhóm\s+(?:PV|phóng\s+viên)|Ban|Trung\s+tâm|Tổ|Bộ\s+phận)"
    r"(?:[ ](?:\p{L}+|[\p{Lu}\d&.,]+|[-–&]))*")
_UNIT_BYLINE_MAX = 45  # characters
_AGENCY_LINE = regex.compile(_AGENCY)  # the body a byline's author writes for, on a line of its own
_BYLINE = regex.compile(
    rf"(?P<name>(?:{_NAME}|(?:\p{{Lu}}\.\s?)+{_WORD})(?:\s+[-–]\s+(?!{_AGENCY}\s*$){_NAME})?)"
    rf"(?:\s+[-–]\s+{_AGENCY}|\s*/\s*(?:{_AGENCY}|\p{{Lu}}[\p{{L}}\d.&-]*(?:[ -]\p{{L}}[\p{{L}}\d.&]*){{0,3}}))?"
    # (`Minh Ngọc - TTXVN`, `Minh Ngọc/VOV.VN`, `Hoài Thu/Báo Tin tức`, `Thủy Hòa/VOV-Tây Bắc`, `Hải Yến/VTV Digital`)
    r"(?:\s*\((?:(?i:nguồn|theo)\s*:?\s*)?(?P<agency>[\w ./&,+-]{2,45})\))?\s*$"  # (`Tùng Lâm (Nguồn: Báo Nhân Dân)`)
)
# A breadcrumb or a section line: short parts between `›`, `»`, `>`, ` / ` or
# ` | ` (`Trang chủ / Tin tức / Kinh tế`, `Thế giới | Ngoại giao`).
# (`»` reaches here as `"`, the normalised quote, so a quote between spaces separates too.)
_BREADCRUMB = regex.compile(r"^(?:[^›»>/|\"]{1,40}\s*(?:›|»|>|\s/\s|\s\|\s|\s\"\s)\s*)+[^›»>/|\"]{1,40}$")
_SECTION_WORDS = 8  # a head line this short (in words), followed by a longer one, is a section name
_SITE_NAME_WORDS = 9  # a site's name over a breadcrumb is no longer than this, unless a tagline follows it
_HEADLINE_WORDS = 6  # … when that one has more words than this and than the section line
_SECTION_DASH = regex.compile(r"\s+[-–—]\s+")  # between the parts of a section line
_WORDS = regex.compile(r"\w+")
# Labels a byline may carry: `Tin: …`, `Bài, ảnh: …`, `Tin và ảnh: …`, `Thực hiện: …`.
_BYLINE_LABEL = regex.compile(
    r"^(?:(?:(?:tin|bài|ảnh|video|clip)(?:\s*(?:,|và|\+|&)\s*(?:ảnh|video|clip))?|thực\s+hiện|nhóm\s+thực\s+hiện)\s*:\s*"
    r"|" + _BY + ")",
    regex.IGNORECASE)
_NAME_THEN_AGENCY = regex.compile(rf"(?P<name>{_NAME})\s+[-–]\s+{_AGENCY}\s*")
_SENTENCE_END = regex.compile(r"[.!?…\"'):;]\s*$")
# A contact line under the byline (`Trung tâm VHTT huyện - ĐT: 0204 3884 123`): site chrome.
_CONTACT = regex.compile(r"(?<![\w])(?:ĐT|SĐT|Điện\s+thoại|Tel|Fax|E-?mail)\s*:", regex.IGNORECASE)
# A photographer credited after the writer (`Tin: Minh Khoa - Ảnh: Hữu Tài`).
_PHOTO_CREDIT = regex.compile(r"\s*(?:[-–;,|]\s*)?(?i:ảnh|clip|video|photo)\s*:\s*[^:]{2,40}$")
# A byline on its own line between the headline and the stamp (`VĂN ĐỨC`, `Minh Khang`).
_HEADER_BYLINE = regex.compile(r"(?:\p{Lu}[\p{L}]*)(?:[ ]\p{Lu}[\p{L}]*){1,3}"
                               r"(?:[ ][-–][ ](?:\p{Lu}[\p{L}]*)(?:[ ]\p{Lu}[\p{L}]*){1,3})?")  # (two: `Lê Hoàng - Minh Khôi`)
_MAX_BYLINE = 40


_LINE = re.compile(r"[^\n]+")


def _lines(text: str) -> list[tuple[int, int]]:
    """Spans of the non-empty lines of `text` (stripped)."""
    out = []
    for m in _LINE.finditer(text):
        line = m.group()
        if line.strip():
            lead = len(line) - len(line.lstrip())
            out.append((m.start() + lead, m.start() + len(line.rstrip())))
    return out


def _header_fields(line: str) -> list[str]:
    """The `|`-separated fields of a header line, a leading `(Outlet)` removed:
    `Lượt xem: 127 | 05-04-2025` → [`Lượt xem: 127`, `05-04-2025`]."""
    return [f for f in _FIELD_SEPARATOR.split(_LEADING_PARENTHESIS.sub("", line)) if f]


def _stamp_in_line(line: str) -> Published | None:
    """The publication stamp of a header line: the whole line, or one of its fields (the
    posting's, not the update's: `Cập nhật lúc 19:35 … | Đăng lúc 06:10 …`)."""
    if _UPDATED.match(line) and "|" in line:
        for field in _header_fields(line)[1:]:
            if _POSTED.match(field) and (stamp := _published_from_stamp(field)) is not None:
                return stamp
    stamp = _published_from_stamp(line)
    if stamp is not None:
        return stamp
    fields = _header_fields(line)
    for i, field in enumerate(fields):
        stamp = _published_from_stamp(field)
        if stamp is not None:
            if stamp.time is None and i + 1 < len(fields):  # its time in the next field (`Thứ Năm, 13/02/2025 | 10:30`)
                stamp = _published_from_stamp(f"{field} {fields[i + 1]}") or stamp
            return stamp
    return None


def _views_in(text: str, start: int = 0, end: int | None = None) -> int | None:
    """The view count a `Lượt xem: 1.204` (`Views: 1,204`) in `text[start:end]` gives, if any."""
    m = _VIEWS.search(text, start, len(text) if end is None else end)
    return int(regex.sub(r"[.,]", "", m[1] or m[2])) if m else None


def _glued_stamp(line: str) -> Published | None:
    """A stamp with its time opening a long line (the header scraped onto the article's
    first paragraph: `22/12/2022 14:05 Trang chủ / Xã hội (KTO) - Chiều 21/12, …`)."""
    stamp = _published_from_stamp(line[:40])
    return stamp if stamp is not None and stamp.time is not None else None


def _labelled_name(name: str) -> str:
    """The author's name of a label's value, without the body after a dash (`Hồng Nhung – Văn
    phòng HĐND và UBND xã` → `Hồng Nhung`)."""
    m = _NAME_THEN_AGENCY.fullmatch(name)
    return canonical(m["name"] if m else name)


def _author_in_line(line: str, under_headline: bool = False) -> str | None:
    """An author named by label in a header line (`Tác giả: Phương Thảo`, `Người đăng: Thu
    Hà`), or a name alone in a field after the stamp (`Thứ Sáu, 26/12/2025 - 10:05 | Minh Hoàng`), or
    before it under the headline (`NGỌC HÂN | 11/10/2025 - 14:35`; over the headline, a site's name)."""
    fields = _header_fields(line)
    for field in fields:
        m = _AUTHOR_LABEL.match(field)
        if m and (not _POSTER.match(field) or _HEADER_BYLINE.fullmatch(m["name"])):
            return _labelled_name(m["name"])  # (a poster only when a person's name: not `Văn phòng - Thống kê`)
    if len(fields) > 1 and _published_from_stamp(fields[0]) is not None:
        for field in fields[1:]:
            if len(field) <= _MAX_BYLINE and _HEADER_BYLINE.fullmatch(field) and not _stamp_in_line(field):
                return canonical(field)
    if under_headline and len(fields) == 2 and len(fields[0]) <= _MAX_BYLINE and _HEADER_BYLINE.fullmatch(fields[0]) \
            and _published_from_stamp(fields[1]) is not None:  # the name before the stamp (`NGỌC HÂN | 11/10/2025 - 14:35`)
        return canonical(fields[0].title() if fields[0].isupper() else fields[0])
    return None


def _published_from_stamp(line: str) -> Published | None:
    for pattern in (_STAMP, _STAMP_TIME_FIRST):
        m = pattern.match(line)
        if m:
            try:
                month = int(m["m"]) if m["mn"] is None else dt.datetime.strptime(m["mn"][:3], "%b").month
                date = dt.date(int(m["y"]), month, int(m["d"]))
            except ValueError:
                return None
            time = None
            if m["h"] is not None:
                hour, minute = int(m["h"]), int(m["mi"])
                if m["ap"] is not None and hour <= 12:
                    hour = twelve_hour(hour, m["ap"])
                if hour < 24 and minute < 60:
                    time = (hour, minute)
            return Published(date, time)
    return None


def _doubled(line: str) -> str | None:
    """`X X` (a heading scraped twice) → `X`."""
    words = line.split()
    half = len(words) // 2
    if len(words) >= 4 and len(words) % 2 == 0 and words[:half] == words[half:]:
        return " ".join(words[:half])
    return None


def _is_category(line: str) -> bool:
    if len(line) > 120:  # first: body lines are long, and the letters need not be looked at
        return False
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def _headline_follows(text: str, following: list[tuple[int, int]]) -> bool:
    """Is the first line below that is neither chrome, a breadcrumb nor a stamp
    a headline (no full stop at its end)? Then a body's name in capitals above
    it heads the page; else it may be the headline itself."""
    for start, end in following:
        line = text[start:end]
        if _is_chrome(line) or _MENU.match(line) or _BREADCRUMB.match(line) or _stamp_in_line(line):
            continue
        return len(line.split()) >= 4 and not _SENTENCE_END.search(line)
    return False


def _is_section(line: str, following: list[tuple[int, int]], text: str) -> bool:
    """A short head line (`Xây dựng Đảng`, or short parts joined by dashes:
    `Đà Nẵng - Tin địa phương`) with a longer, title-like line after it is the
    section it was filed under, not the title."""
    parts = _SECTION_DASH.split(line)
    if any(len(_WORDS.findall(part)) > _SECTION_WORDS for part in parts) or len(parts) > 3 \
            or _SENTENCE_END.search(line) or any(c.isdigit() for c in line):
        return False
    for start, end in following[:2]:
        nxt = text[start:end]
        if _stamp_in_line(nxt) or _is_chrome(nxt):
            continue
        title_like = (not _SENTENCE_END.search(nxt.rstrip().rstrip("\"'?")) and ". " not in nxt and not _OUTLET.match(nxt)
                      and len(nxt) <= 200)  # (a headline may ask: `… - Động lực nào cho năm 2018?`)
        return title_like and len(nxt.split()) > max(_HEADLINE_WORDS, len(line.split()))
    return False


# A site menu scraped as items apart by runs of spaces (`Thời sự   Chính trị   Kinh tế`): three
# or more short capitalised items. Normalising joins the spaces, so the raw line is read.
_MENU_ITEM = r"\p{Lu}\p{Ll}*(?:[ ](?:\p{L}+|[-–&]))*?"  # (`Tin tức - Sự kiện`, `Hỏi đáp`)
_SPACED_MENU = regex.compile(rf"[ \t]*{_MENU_ITEM}(?:(?:\t|[ ]{{2,}}){_MENU_ITEM}){{2,}}[ \t]*$")


def _headline_over_breadcrumb(line: str) -> bool:
    """A line over a breadcrumb that is a headline, not the site's name: longer than a name,
    with no tagline after a dash (`TinNhanh24h - Đọc báo, tin tức …`) and no portal's word first."""
    return (len(_WORDS.findall(line)) > _SITE_NAME_WORDS and not _SECTION_DASH.search(line)
            and not _MASTHEAD_WORD.match(line))


_MASTHEAD_WORD = regex.compile(r"(?i)(?:cổng|trang|báo|tạp\s+chí|đài)\s")


def _spaced_menu(doc, start: int, end: int) -> bool:
    raw_start, raw_end = doc.norm.raw_span(start, end)
    return raw_end - raw_start <= 200 and _SPACED_MENU.match(doc.raw, raw_start, raw_end) is not None


def _glued_menu(line: str) -> bool:
    """A site menu whose items the scrape glued together (`Trang chủGiới thiệuTin tứcLiên hệ`):
    three joins or more of a lower-case letter and the capital of the next item."""
    return len(line) <= 200 and len(_GLUED_TAG.findall(line)) >= 3 and not _SENTENCE_END.search(line)


def _is_chrome(line: str) -> bool:
    """A line of the site around the article (`Chia sẻ`, `Xem thêm: …`, `Điện thoại: …`), not a
    paragraph that opens with the same words (`Chia sẻ tại hội nghị, ông … cho biết …`)."""
    return _CHROME.match(line) is not None and (len(line) <= _CHROME_MAX or not _SENTENCE_END.search(line))


_CHROME_MAX = 120  # characters: past this a line opening with a chrome word is a sentence
_ONE_LINE = 600  # characters: a first line this long holds the page's header and its body
# A stamp inside a line, by its label; a bare `Ngày` only before a full date that no comma
# follows (in a sentence, `Ngày 10/3/2026, UBND …`, it dates an event).
# The lead paragraph's opening on a page scraped onto one line: its day (`Ngày 28/11,`, `Sáng 5/3`)
# or its outlet's marker (`(TTXVN) -`), right after the headline's last word.
_LEAD_OPENING = regex.compile(r"(?<=[^\s.!?:] )(?:(?:Ngày|Sáng|Chiều|Tối|Trưa|Đêm|Hôm)\s+(?:nay\s+|qua\s+)?\(?[0-9]{1,2}[/.-][0-9]{1,2}"
                              r"|\(\p{Lu}[\p{L}.]{1,15}\)\s*[-–])")
_HEADLINE_MAX = 300  # characters of a one-line page read for its headline
_INLINE_STAMP = regex.compile(
    r"(?<![\w])(?:(?:cập\s+nhật|ngày\s+đăng|đăng\s+ngày|đăng\s+lúc|ngày\s+cập\s+nhật|xuất\s+bản)\s*:?\s*(?=\d)"
    r"|ngày\s+(?=\d{1,2}[/.-]\d{1,2}[/.-]\d{4}(?!\d)(?!\s*,)))", regex.IGNORECASE)


def _split_keywords(text: str) -> tuple[str, ...]:
    parts = regex.split(r"\s*[,;|]\s*", text.strip())
    tags: list[str] = []
    for part in parts:
        tags.extend(t.strip() for t in _GLUED_TAG.split(part) if t.strip())
    return tuple(dict.fromkeys(canonical(t) for t in tags))


def _article_end(text: str, lines: list[tuple[int, int]]) -> int:
    """Where the article's lines end: at the heading of the readers' comments
    (`Ý kiến bạn đọc`, `Gửi bình luận`: what follows is theirs), or at the first
    heading of a list of other articles (`Tin liên quan:`, `Các tin khác`) among
    the last lines that no paragraph of the body follows, else at the end."""
    comments = next((k for k in range(max(0, len(lines) - _COMMENT_LINES), len(lines))
                     if _COMMENTS.match(text[lines[k][0]:lines[k][1]])), len(lines))
    for k in range(max(0, comments - 15), comments):
        if _RELATED.match(text[lines[k][0]:lines[k][1]]) \
                and not any(_is_paragraph(text[s:e]) and not _CHROME.match(text[s:e]) for s, e in lines[k + 1:comments]):
            return k
    return comments


def _related_blocks(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Lists of other articles inside the body (`TIN LIÊN QUAN` and its links, a paragraph of
    the article after them): the heading and the short lines under it."""
    out: list[tuple[int, int]] = []
    k = 0
    while k < len(lines):
        if _RELATED.match(text[lines[k][0]:lines[k][1]]) and len(text[lines[k][0]:lines[k][1]]) <= _CHROME_MAX:
            out.append(lines[k])
            k += 1
            while k < len(lines) and not _is_paragraph(text[lines[k][0]:lines[k][1]]) \
                    and len(text[lines[k][0]:lines[k][1]]) <= _CHROME_MAX:
                out.append(lines[k])
                k += 1
            continue
        k += 1
    return out


def _is_paragraph(line: str) -> bool:
    """A line of the body's prose: long, and ending as a sentence does."""
    return len(line) > 200 and _SENTENCE_END.search(line) is not None


# An agency credited after the closing byline, in brackets, at the end of its line.
_BYLINE_OUTLET = regex.compile(r"[^\S\n]*\((?:(?P<outlet>\p{Lu}[\p{Lu}\d&]{1,7}(?:\.(?:VN|vn|com))?)"
                            r"|(?i:nguồn|theo)\s*:?\s*(?:(?i:báo|tạp\s+chí)\s+)?(?P<outlet>\p{Lu}[\p{L}.]*(?:[ ]\p{Lu}[\p{L}.]*){0,3}))"
                            r"\)[^\S\n]*(?:\n|\Z)")  # (`(TTXVN)`, `(Nguồn: Báo Nhân Dân)` → Nhân Dân)
_SIGNED = regex.compile(SIGNED_NOTE)  # `(Đã ký)` under a signature block's office


def _signed_above(rules: RuleSet, text: str, at: int) -> bool:
    """Whether the nearest line above `at` (within six, past `(Đã ký)` and recipients' lines)
    is, or ends with, a signature block's office (`PHÓ CHỦ NHIỆM`; scraped beside the
    recipients' column, `- TT Huyện ủy; PHÓ CHỦ TỊCH`): the name at `at` is a signatory's,
    no byline. A name under the signatory's is the reporter's."""
    lines = right_column(text[max(0, at - 600):at]).split("\n")[-7:-1]
    for line in reversed(lines):  # the nearest line above but notes and recipients: the office, if signed
        line = line.strip()
        if line and not _SIGNED.fullmatch(line) and not line.startswith(("-", "+", "•")):
            return bool(_signature_office(rules, line))
    return False


# A photo's caption scraped under the byline: a sentence of six words or more, then the credit in
# brackets (`Người phát ngôn … tại cuộc họp báo chiều 21/4. (Ảnh: Bộ Ngoại giao)`).
_CAPTION = regex.compile(r"(?:\S+\s+){6,}.*\(\s*(?i:ảnh|nguồn\s+ảnh|photo)\s*:\s*[^()\n]{2,60}\)\s*")


def _closing_lines(text: str, lines: list[tuple[int, int]], count: int) -> list[tuple[int, int]]:
    """The last `count` lines that are neither keywords, site chrome, a stamp, a photo's
    caption nor a labelled author (`Tác giả: …`), in order."""
    out: list[tuple[int, int]] = []
    for start, end in reversed(lines):
        line = text[start:end]
        if not _KEYWORDS.match(line) and not _is_chrome(line) and not _SIGNED.fullmatch(line.strip()) \
                and not (len(line) < 250 and _CAPTION.fullmatch(line)) \
                and not (len(line) < 60 and _VIEWS.match(line.strip())) \
                and not (len(line) < 200 and _CONTACT.search(line)) \
                and not (len(line) < 80 and (_stamp_in_line(line) or _AUTHOR_LABEL.match(line.strip()))):
            out.append((start, end))
            if len(out) == count:
                break
    return out[::-1]


def _byline(text: str, lines: list[tuple[int, int]]) -> tuple[str | None, tuple[int, int] | None]:
    """The closing byline: a last line that is a short name, or the short name
    that ends the last paragraph after its final sentence."""
    if not lines:
        return None, None
    start, end = lines[-1]
    last = text[start:end]
    tail_start = start
    unlabelled = last[_BYLINE_LABEL.match(last).end():] if _BYLINE_LABEL.match(last) else last
    unlabelled = _PHOTO_CREDIT.sub("", unlabelled)
    if len(last) > _MAX_BYLINE + 12 and not (len(unlabelled) <= _MAX_BYLINE + 50 and _BYLINE.fullmatch(unlabelled)
                                            and not _SENTENCE_END.search(unlabelled)):
        # A single-paragraph article: the byline follows the last full stop.
        cut = max(last.rfind(". "), last.rfind("… "), last.rfind(".” "), last.rfind('." '))
        if cut < 0:
            return None, None
        tail_start = start + cut + 2
        while tail_start < end and text[tail_start] in " \"”":
            tail_start += 1
    tail = text[tail_start:end].strip()
    label = _BYLINE_LABEL.match(tail)
    if label:
        tail_start = text.find(tail, tail_start) + label.end()
        tail = tail[label.end():]
    tail = _TRAILING_LABEL.sub("", _PHOTO_CREDIT.sub("", tail))  # (`… thiên tai. Quang Minh Xem thêm:`)
    if not tail or len(tail) > _MAX_BYLINE + 50 or _SENTENCE_END.search(tail.removesuffix(")").rstrip()) and not tail.endswith(")"):
        return None, None
    m = _BYLINE.fullmatch(tail)
    if not m or len(m["name"]) > _MAX_BYLINE:
        return None, None
    name = m["name"]
    co = _CO_AUTHOR.match(tail, m.end("name")) if name.isupper() else None
    if co is not None and all(is_vietnamese_syllable(w) for w in co["name"].split()):
        name = tail[m.start("name"):co.end("name")]  # `NGỌC KHẢI - MINH HÒA`: two authors, not an agency
    if fold(name) in _EDITORS:
        return None, None  # `BAN BIÊN TẬP` signs a correction: no author
    agency = name.startswith("Theo ") and len(name.split()) == 2
    if agency:
        name = name[5:]  # `Theo TTXVN`: the agency the article is taken from, as written
    elif name.startswith("Theo "):
        return None, None  # `Theo Báo Hòa Bình`: the outlet taken from (`_SOURCE_OUTLET`), no author
    elif len(name.split()) < 2 and "." not in name and name not in _DESKS:
        return None, None
    offset = text.find(name, tail_start)
    span = (offset, offset + len(name))
    if name.isupper() and not agency and name not in _DESKS:
        name = name.title()
    return canonical(name), span


def _unit_byline(text: str, line: tuple[int, int]) -> tuple[str | None, tuple[int, int] | None]:
    """An office or desk alone on the last line signs the article (`Văn phòng Sở`)."""
    start, end = line
    tail = text[start:end].strip()
    if len(tail) > _UNIT_BYLINE_MAX or fold(tail) in _EDITORS or not _UNIT_BYLINE.fullmatch(tail):
        return None, None
    offset = text.find(tail, start)
    return canonical(tail), (offset, offset + len(tail))


# A professional signing the answer of an advice column, on the last lines (`Luật sư Trịnh Văn A` /
# `Đoàn Luật sư TP Hà Nội`, `ThS. Bác sĩ Lê Thị B – Bệnh viện X`): the name is the author.
_SIGN_OFF = regex.compile(
    r"(?:(?:Luật\s+sư|LS\.|Bác\s+sĩ(?:\s+CKI{1,2})?|BS\.(?:\s*CKI{1,2})?|Thạc\s+sĩ|ThS\.|Tiến\s+sĩ|(?:P?GS\.\s*,?\s*)?TS\.|"
    r"Kỹ\s+sư|KS\.|Dược\s+sĩ|Chuyên\s+gia|Nhà\s+báo)[ ]*)+"
    rf"(?P<name>{_WORD}(?:[ ]{_WORD}){{1,3}})(?:\s*[-–,]\s*\p{{Lu}}[^.!?\n]{{2,80}})?\s*")


def _sign_off(text: str, closing: list[tuple[int, int]]) -> tuple[str | None, tuple[int, int] | None]:
    """The professional who signs an advice column's answer: on the last line, or on the line
    before the body they write for (a short line that is no sentence)."""
    for i, (start, end) in enumerate(closing[-2:][::-1]):
        if i == 1 and (_SENTENCE_END.search(text[closing[-1][0]:closing[-1][1]]) or closing[-1][1] - closing[-1][0] > 80):
            break
        m = _SIGN_OFF.fullmatch(text, start, end)
        if m is not None:
            return canonical(m["name"]), m.span("name")
    return None, None


_REPORTER_ROLE = regex.compile(r"(?i)\s*(?:phóng\s+viên|biên\s+tập\s+viên|cộng\s+tác\s+viên|nhà\s+báo|PV)(?![\w])")


def _author_box(text: str, lines: list[tuple[int, int]]) -> tuple[str | None, tuple[int, int] | None]:
    """An author box near the top: a name alone on a line, then the author's role on the next
    (`Hoàng Minh Tuấn` / `Phóng viên Ban Thời sự`)."""
    for (start, end), (nxt, nxt_end) in zip(lines, lines[1:]):
        line = text[start:end].strip()
        if len(line) <= _MAX_BYLINE and _HEADER_BYLINE.fullmatch(line) and _REPORTER_ROLE.match(text, nxt, nxt_end) \
                and nxt_end - nxt <= 60:
            return line, (start, start + len(line))
    return None, None


def _places(rules: RuleSet) -> frozenset[str]:
    """The places the officials' lexicon knows (a dateline's `Hà Nội` is no byline), folded."""
    officials = rules.get("officials")
    if officials is None:
        return frozenset()
    return prepared(officials, _place_set)


def _signature_office(rules: RuleSet, line: str) -> bool:
    """Whether `line` is the office line of a signature block (`PHÓ CHỦ NHIỆM`): the name
    under it signed the document, it is no byline (the officials' titles tell offices)."""
    from .extract.officials_text import lexicons, signature_office

    officials = rules.get("officials")
    return officials is not None and signature_office(lexicons(officials), line) is not None


def _place_set(dimension) -> frozenset[str]:
    return frozenset(fold(p) for p in dimension.lexicons.get("place", ()))


def detect(doc: Doc, rules: RuleSet, title: str | None = None) -> Article:
    """Read the article's metadata from the layout of `doc`'s text."""
    text = doc.text
    lines = _lines(text)
    headers: dict[str, str] = {}
    boilerplate: list[tuple[int, int]] = []
    category = outlet = None
    category_span = None
    published: Published | None = None
    labelled_author = None
    views = None
    keywords: tuple[str, ...] = ()
    title_span = None
    header_author = header_author_span = None
    stamp_at = title_at = -1  # the lines of `head` the stamp and the headline are on

    body_from = 0  # `Key: value` header lines first, then the body
    for start, end in lines:
        header = _HEADER.match(text[start:end])
        if not header:
            break
        headers[header[1].lower()] = header[2]
        boilerplate.append((start, end))
        body_from += 1
    body_lines = lines[body_from:]

    head = body_lines[:9]
    site_today = None
    in_mail_header = bool(head) and _MAIL_FIRST.match(text, head[0][0], head[0][1]) is not None
    pending_outlet_line = None  # an account's name on the line under a messaging app's header
    index = -1  # of the line among those that are no chrome
    for at, (start, end) in enumerate(head):
        if title_span is not None and at and head[at - 1][1] - head[at - 1][0] > 300:
            break  # past the headline and a paragraph of the body (its outlet marker read): no header follows
        line = text[start:end]
        if in_mail_header:
            if (field := _MAIL_HEADER.match(line)) is not None:
                boilerplate.append((start, end))
                name = line[:line.index(":")].strip()
                if name == "Subject":
                    tags = _MAIL_SUBJECT_TAGS.match(line, field.end())
                    title_span, title_at = (start + tags.end(), end), at
                elif name in ("Date", "Sent") and published is None:
                    published = _published_from_stamp(line)
                    stamp_at = at
                continue
            in_mail_header = False
        first = index < 0 and len(head) > at + 1
        if first and outlet is None and _BRAND.fullmatch(line):
            outlet = line  # `VnExpress`, `VietnamPlus`: the site's brand alone over the page
            boilerplate.append((start, end))
            continue
        if (title_span is None or (at and title_span == head[at - 1])) and _POST_STAMP.match(line):
            # a social-media post's stamp (`15 tháng 3 lúc 08:30 · 🌏`, `2 giờ trước`) under the
            # page's name: the page is the outlet, the stamp dates the post only with its year
            boilerplate.append((start, end))
            if at and outlet is None:
                outlet = canonical(text[head[at - 1][0]:head[at - 1][1]])
                boilerplate.append(head[at - 1])
                if title_span == head[at - 1]:
                    title_span, title_at = None, -1  # (it was the page's name)
                    index -= 1
            if published is None and (stamp := _published_from_stamp(line)) is not None:
                published, stamp_at = stamp, at  # (`1 tháng 4, 2020 lúc 21:05`; none without a year)
            continue
        if title_span is None and (account := _MESSAGING_ACCOUNT.match(line)) is not None:
            # a messaging app's official account (`Zalo OA · UBND xã X`, `Zalo Official Account` over
            # the account's name, `Tài khoản đã xác thực · 12.406 người quan tâm`)
            boilerplate.append((start, end))
            if outlet is None and account["name"]:
                outlet = canonical(account["name"])
            elif outlet is None and account["app"] and at + 1 < len(head):
                following = text[head[at + 1][0]:head[at + 1][1]]
                if not _MESSAGING_ACCOUNT.match(following):
                    outlet = canonical(following)
                    pending_outlet_line = head[at + 1]
            continue
        if pending_outlet_line == (start, end):
            boilerplate.append((start, end))  # the account's name under `Zalo Official Account`
            continue
        if _is_chrome(line) or _MENU.match(line) or _spaced_menu(doc, start, end) or _glued_menu(line) or (first and (
                _MASTHEAD.match(line) or (_is_category(line) and _CAPS_MASTHEAD.search(line)
                                          and _headline_follows(text, head[at + 1:]))
                # a site's name over its breadcrumb (`Giáo dục & Thời đại` / `Giáo dục › Học đường`); a
                # headline over it is long, with no tagline after a dash (`Huyện X: Hơn 98% ý kiến …`)
                or (not _headline_over_breadcrumb(line)
                    and not _BREADCRUMB.match(line) and not _stamp_in_line(line)
                    and _BREADCRUMB.match(text[head[at + 1][0]:head[at + 1][1]])
                    and not _stamp_in_line(text[head[at + 1][0]:head[at + 1][1]])
                    and not _AUTHOR_LABEL.match(_header_fields(text[head[at + 1][0]:head[at + 1][1]])[0])))):
            boilerplate.append((start, end))
            if views is None and len(line) < 80:
                views = _views_in(line)  # (`Chia sẻ | Lượt xem: 2.047` under the stamp)
            continue
        if _SITE_BAR.search(line) and (today := _stamp_in_line(line)) is not None:
            site_today = site_today or today  # `Thứ Năm, 21/12/2017 | Đăng nhập | English`: today's date on
            boilerplate.append((start, end))  # the site's bar, the publication's only if no stamp is found
            continue
        if _SIDEBAR_ITEM.match(line):
            boilerplate.append((start, end))  # a dated item of a sidebar (`• Khai mạc … (08/07/2016)`): no headline
            continue
        index += 1
        if category is None and title_span is None and _is_category(line) \
                and not (len(_WORDS.findall(line)) > _SECTION_WORDS and _LEADING_PICTOGRAPHS.match(line)):
            # (a post's headline in capitals opens with an emoji: `⚠️ THÔNG BÁO KHẨN: …`)
            category = canonical(_doubled(line) or line)
            category_span = (start, end)
            if _doubled(line):
                boilerplate.append((start, end))
            continue
        if title_span is not None and header_author is None and len(line) <= _MAX_BYLINE \
                and _HEADER_BYLINE.fullmatch(line) and fold(line) not in _places(rules) \
                and not _AUTHOR_LABEL.match(line) and (
                    published is None and at + 1 < len(head) and _stamp_in_line(text[head[at + 1][0]:head[at + 1][1]])
                    # or a name alone under the headline's stamp, over the body (`Chủ Nhật, 06/07/2025` / `Minh Châu`)
                    or published is not None and (stamp_at == at - 1 or title_at == at - 1) and at + 1 < len(head)
                    and head[at + 1][1] - head[at + 1][0] > 200):
            header_author, header_author_span = line, (start, end)
            if (agency := _NAME_THEN_AGENCY.fullmatch(line)) is not None:  # (`Lê Hoà - TTYT Quảng Xương`)
                header_author, header_author_span = agency["name"], (start, start + agency.end("name"))
            continue
        if len(line) <= _MAX_BYLINE + 12 and (labelled := _AUTHOR_LABEL.match(line)) is not None or (
                len(line) <= 2 * _MAX_BYLINE and "|" in line and _PHOTO_CREDIT.search(line)
                and (labelled := _AUTHOR_LABEL.match(_header_fields(line)[0])) is not None):
            # (`By Phương Thảo  |  Photo: Lê Hoàng`: the photographer credited beside the author)
            labelled_author = labelled_author or _labelled_name(labelled["name"])  # `Tác giả: …` on a line of its own
            boilerplate.append((start, end))
            index -= 1
            continue
        named = _NAME_THEN_STAMP.match(line) if title_span is not None and published is None else None
        if named is not None and (stamp := _stamp_in_line(line[named.end():])) is not None:
            published, stamp_at = stamp, at  # `Hồng Nhung   Thứ Năm, 25/06/2020 - 17:48   (Cập nhật: …)`
            header_author = header_author or named["name"]
            header_author_span = header_author_span or (start, start + named.end("name"))
            views = views if views is not None else _views_in(line)
            index -= 1
            continue
        stamp = _stamp_in_line(line) if len(line) < 100 else _glued_stamp(line)
        if stamp and (published is None or (published.time is None and stamp.time is not None
                                            and stamp.date == published.date)):
            # (a site's date line over the headline, then the article's stamp of that day with its time)
            published, stamp_at = stamp, at
            if (found := _views_in(line)) is not None:
                views = found
            labelled_author = labelled_author or _author_in_line(line, under_headline=title_span is not None)
            index -= 1  # a stamp or a view count is no candidate for the title: not counted
            continue
        if len(line) < 60 and (found := _views_in(line)) is not None:
            views = found
            index -= 1
            continue
        outlet_m = _OUTLET.match(line)
        if outlet_m and outlet is None:
            outlet = outlet_m["outlet"]
        if title_span is None and not headers and _BREADCRUMB.match(line):
            category = category or canonical(line)
            continue
        if title_span is None and " | " in line and (len(line) <= _CHROME_MAX or (len(line) <= 300 and _TICKER.search(line))):
            boilerplate.append((start, end))  # a ticker above the headline (`Giá vàng … | USD/VND: …`)
            continue
        if title_span is None and not headers and index < 3 and len(line) <= 300 and len(body_lines) > 1 \
                and not any(e - s > 300 for s, e in head[:at]):  # no headline under a paragraph of the body
            if outlet_m:
                # `(PLO) - Headline` on the first line: the headline after the marker.
                marker = regex.match(r"\s*\([^()]*\)\s*[-:]?\s*", line)
                if index == 0 and marker and not _SENTENCE_END.search(line):
                    title_span = (start + marker.end(), end)
                continue
            if _is_section(line, head[at + 1:], text):
                category = category or canonical(line)
                continue
            if line.endswith(".") and not line.endswith("...") or line.endswith((",", ";", ":")):
                continue  # a lead paragraph (maybe cut by a hard line break), not a headline
            title_span, title_at = (start, end), at
            tab = _TAB_SUFFIX.search(line)
            if tab is not None and tab.start() > 0:
                title_span = (start, start + tab.start())  # a browser tab's title: `<headline> - <the site's name>`
            else:
                later = {text[s:e].strip() for s, e in head[at + 1:]}
                cut = next((m.start() for m in _TAB_SEPARATOR.finditer(line) if line[:m.start()].strip() in later), None)
                if cut is not None:
                    title_span = (start, start + cut)  # `<headline> - <any site's name>` over the headline itself

    if published is None and body_lines and body_lines[0][1] - body_lines[0][0] > _ONE_LINE:
        # A page scraped onto one line: a labelled stamp among its first words dates it.
        start = body_lines[0][0]
        inline = _INLINE_STAMP.search(text, start, start + _ONE_LINE)
        published = _published_from_stamp(text[inline.start():inline.start() + 60]) if inline else None
        if views is None:
            views = _views_in(text, start, start + _ONE_LINE)
        if title is None and title_span is None and not headers:
            # … and its headline is the words before the stamp or the lead's opening (`Cao Bằng: Xử
            # lý nghiêm … lối sống Ngày 28/11, Tỉnh ủy …`), when they make no sentence.
            lead = _LEAD_OPENING.search(text, start, start + _HEADLINE_MAX)
            cut = min(m.start() for m in (inline, lead) if m is not None) if inline or lead else -1
            head_words = text[start:cut].strip() if cut > start else ""
            if len(head_words.split()) >= 5 and not regex.search(r"[.!?…]\s", head_words):
                title_span = (start, start + len(text[start:cut].rstrip()))
    article_end = _article_end(text, body_lines)
    related = body_lines[article_end:] + _related_blocks(text, body_lines[:article_end])
    boilerplate.extend(related)  # a footer's list of other articles and what follows it; such lists inside
    doc.related_norm = tuple((s, e) for s, e in related if _RELATED_ITEM.match(text, s, e))
    tail = body_lines[max(0, article_end - 6):]
    for start, end in tail:
        line = text[start:end]
        kw = _KEYWORDS.match(line)
        if kw:
            keywords = _split_keywords(kw["kw"])
        elif _is_chrome(line):
            boilerplate.append((start, end))
            if views is None and len(line) < 80:
                views = _views_in(line)  # (`Chia sẻ | In bài | Lượt xem: 312`)
            if (source := _SOURCE_LINE.match(line)) is not None:  # an aggregator's credit of the source
                outlet = outlet or canonical(source["outlet"])
                published = published or _published_from_stamp(source["stamp"])
        elif views is None and len(line) < 60 and _VIEWS.match(line.strip()):
            views = _views_in(line)
        elif len(line) < 80:
            stamp = _stamp_in_line(line)
            if stamp is not None:
                boilerplate.append((start, end))  # `Ngày đăng: 09/04/2026 07:30` under the article
                published = published or stamp
                if views is None:
                    views = _views_in(line)  # (`… | Lượt xem: 415`)
            else:
                labelled_author = _author_in_line(line) or labelled_author

    published = published or site_today
    posted = _posted_document(text, body_lines[:16])
    if posted is not None:  # a document posted alone: its subject is the title, its date the publication's
        subject, dated = posted
        if subject is not None and (title_span is None or title_span[0] < subject[0]):
            title_span = subject
        published = published or dated
    if "date" in headers and published is None:
        try:
            published = Published.parse(headers["date"])
        except ValueError:
            doc.warnings.append(f"header date {headers['date']!r} is not a date")
    if title is None and title_span is None and category_span is not None and not headers:
        # The only headline is in capitals (`ỦY BAN KIỂM TRA TỈNH ỦY KỲ HỌP THỨ 27`): it is the title.
        title_span, category = category_span, None
    if title is None:
        if "title" in headers:
            title = headers["title"]
        elif title_span:
            title = _LEADING_PICTOGRAPHS.sub("", text[title_span[0]:title_span[1]])  # (`📢 XÃ … RA MẮT …`)
    # The byline is on the last line of text (not the title's, which is the first).
    closing = _closing_lines(text, body_lines[:article_end], 2)
    one_line = len(closing) == 1 and closing[0][1] - closing[0][0] > _ONE_LINE  # (the headline and the body on it)
    author, author_span = _byline(text, closing[1:] if title_span and not one_line else closing)
    if author is None and len(closing) == 2 and _AGENCY_LINE.fullmatch(text[closing[1][0]:closing[1][1]].strip()):
        author, author_span = _byline(text, closing[:1])  # `Quàng Hiền` / `Trung tâm VH,TT&TT huyện`
    if author is None and closing:
        author, author_span = _sign_off(text, closing)
    if author is None and closing and (title_span is None or len(closing) == 2):
        author, author_span = _unit_byline(text, closing[-1])
    if outlet is None and author is None and closing:
        source = _SOURCE_OUTLET.match(text[closing[-1][0]:closing[-1][1]].strip())
        outlet = canonical(source["outlet"]) if source else None  # `Theo Báo Hòa Bình` on the last line
        if source is not None and len(closing) == 2:
            author, author_span = _byline(text, closing[:1])  # `Thanh Nga` / `Theo Báo Bắc Giang`
    if outlet is None and author_span is not None:
        credit = _BYLINE_OUTLET.match(text, author_span[1])
        outlet = credit["outlet"] if credit else None  # `Đức Thắng (TTXVN)`: the agency the author writes for
    if author is not None and author_span is not None and _signed_above(rules, text, author_span[0]):
        author, author_span = None, None  # `PHÓ CHỦ NHIỆM` / `Phùng Thị Ngọc Bích`: a document's signatory
    if labelled_author and author != labelled_author:
        author, author_span = labelled_author, None
    if author is None and related and article_end < len(body_lines):
        # A byline scraped under the list of other articles, as the page's last line (but for chrome).
        start, end = (_closing_lines(text, body_lines[article_end:], 1) or body_lines[-1:])[0]
        line = text[start:end].strip()
        credit = _BYLINE_OUTLET.search(line)  # (`Minh Đức (TTXVN)`)
        if credit is not None and credit.end() == len(line):
            line = line[:credit.start()].rstrip()
        if len(line) <= _MAX_BYLINE and _HEADER_BYLINE.fullmatch(line) and fold(line) not in _places(rules) \
                and not _signed_above(rules, text, start):
            author, author_span = canonical(line), (start, start + len(line))
            outlet = outlet or (credit["outlet"] if credit is not None else None)
        elif not _RELATED_ITEM.match(line):
            author, author_span = _byline(text, [(start, end)])  # (`Minh Anh/VOV`)
    if author is None and header_author is None:
        header_author, header_author_span = _author_box(text, body_lines[:14])
    if author is None and header_author is not None:
        author = canonical(header_author.title() if header_author.isupper() else header_author)
        author_span = header_author_span
    doc.metadata_spans = {"title": title_span, "author": author_span}  # normalised offsets
    doc.boilerplate_norm = tuple(boilerplate)
    return Article(
        title=canonical(title) if title else None,
        published=_iso(published),
        outlet=outlet,
        category=category,
        author=author,
        views=views,
        keywords=keywords,
        boilerplate=tuple(doc.norm.raw_span(s, e) for s, e in sorted(set(boilerplate))),
    )


# A document posted alone opens with its letterhead: the national motto within its first
# lines, `Place, ngày 20 tháng 12 năm 2021`, the type in capitals (`KẾ HOẠCH`), its subject.
_TYPE_LINE = regex.compile(r"^[ \t]*\p{Lu}[\p{Lu} ]{3,30}[ \t]*$")


def _posted_document(text: str, head: list[tuple[int, int]]) -> tuple[tuple[int, int] | None, Published | None] | None:
    """For a text that opens with a document's letterhead: the span of its subject (the line
    after its type in capitals) and its date (the place-and-date line); None for any other."""
    if not any(NATIONAL_MOTTO.search(text, s, e) for s, e in head[:3]):
        return None
    dated = subject = None
    for at, (start, end) in enumerate(head):
        line = text[start:end]
        if dated is None and (m := PLACE_DATE.search(line)):
            day = date_of(m)
            dated = Published(day) if day is not None else None
        elif dated is not None and _TYPE_LINE.match(line) and at + 1 < len(head):
            following = head[at + 1]
            if not text[following[0]:following[1]].isupper():
                subject = following
            break
    return subject, dated


def _iso(published: Published | None) -> str | None:
    if published is None:
        return None
    return published.value + ("+07:00" if published.time else "")


def published_of(article: Article) -> Published | None:
    return Published.parse(article.published) if article.published else None


def with_published(article: Article, published: Published) -> Article:
    return replace(article, published=_iso(published))


def with_title(article: Article, title: str) -> Article:
    return replace(article, title=canonical(title))
