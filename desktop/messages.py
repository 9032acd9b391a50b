"""Command-line wording in the two interface languages (the windows use Qt translations)."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "number": "Number",
        "birth_date": "Birth date",
        "gender": "Gender",
        "male": "male",
        "female": "female",
        "valid": "Valid",
        "yes": "yes",
        "converted": "converted from the 15-digit form",
        "invalid": "Invalid",
        "empty": "no number was entered",
        "bad_chars": "only digits and a final X are allowed",
        "bad_length": "an ID number has 18 digits (old cards: 15)",
        "bad_region": "the first two digits are not a province code",
        "bad_birth_date": "digits 7-14 are not a possible birth date",
        "bad_check_digit": "the check digit (last character) is wrong: check for a typo",
        "no_ports": "No serial ports found. Is the device plugged in?",
        "no_reading": "No reading arrived. Check the port, the speed and the cable.",
        "sim_ready": "{kind} simulator ready at {path} (type help for commands, Ctrl-C to stop)",
        "sim_bad_command": "not understood",
        "green": "green",
        "yellow": "yellow",
        "red": "red",
        "health_summary": "Health colours on {day}: {checked} residents ({counts})",
        "health_differ": "{count} stored colours differ from the rule; --fix corrects them",
        "health_fixed": "{count} stored colours corrected",
    },
    "zh_CN": {
        "number": "号码",
        "birth_date": "出生日期",
        "gender": "性别",
        "male": "男",
        "female": "女",
        "valid": "有效",
        "yes": "是",
        "converted": "由15位旧号码转换",
        "invalid": "无效",
        "empty": "未输入号码",
        "bad_chars": "只能包含数字，最后一位可以是X",
        "bad_length": "身份证号应为18位（旧证15位）",
        "bad_region": "前两位不是有效的省份代码",
        "bad_birth_date": "第7至14位不是有效的出生日期",
        "bad_check_digit": "校验位（最后一位）不正确，请核对是否输错",
        "no_ports": "没有找到串口。设备插好了吗？",
        "no_reading": "没有收到任何读数。请检查端口、波特率和连线。",
        "sim_ready": "{kind} 模拟器已就绪：{path}（输入 help 查看命令，Ctrl-C 退出）",
        "sim_bad_command": "无法理解的命令",
        "green": "绿码",
        "yellow": "黄码",
        "red": "红码",
        "health_summary": "{day} 健康码：共 {checked} 人（{counts}）",
        "health_differ": "有 {count} 人的健康码与打卡规则不符；加 --fix 予以更正",
        "health_fixed": "已更正 {count} 人的健康码",
    },
}


def text(language: str, key: str) -> str:
    """The wording of `key` in `language`, falling back to English."""
    return TEXT.get(language, TEXT["en"]).get(key) or TEXT["en"][key]
